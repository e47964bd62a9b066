import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TUser } from '../../../../contracts/users';
import { useFormatters } from '../../../lib/format';
import { AccountStatusBadge, RoleBadge } from '../../../ui/badges';

/** Props of {@link UsersTable}. */
export interface UsersTableProps {
  users: readonly TUser[];
  /** Edit action per row (admin); omitted → read-only table. */
  onEdit?: (user: TUser) => void;
}

/** Table of users with caption: name, e-mail, role, office, status, last login (and edit for admins). */
export function UsersTable({ users, onEdit }: UsersTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Table striped highlightOnHover captionSide="top" verticalSpacing="sm">
      <Table.Caption>
        <VisuallyHidden>{t('users.tableCaption')}</VisuallyHidden>
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('users.fields.displayName')}</Table.Th>
          <Table.Th scope="col">{t('users.fields.email')}</Table.Th>
          <Table.Th scope="col">{t('users.fields.role')}</Table.Th>
          <Table.Th scope="col">{t('users.fields.office')}</Table.Th>
          <Table.Th scope="col">{t('users.fields.status')}</Table.Th>
          <Table.Th scope="col">{t('users.fields.lastLogin')}</Table.Th>
          {onEdit ? (
            <Table.Th scope="col">
              <VisuallyHidden>{t('app.actions')}</VisuallyHidden>
            </Table.Th>
          ) : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={onEdit ? 7 : 6}>
              <Text>{t('users.empty')}</Text>
            </Table.Td>
          </Table.Tr>
        ) : null}
        {users.map((user) => (
          <Table.Tr key={user.id} data-testid="user-row">
            <Table.Td>{user.displayName}</Table.Td>
            <Table.Td>{user.email}</Table.Td>
            <Table.Td>
              <RoleBadge role={user.role} />
            </Table.Td>
            <Table.Td>{user.officeName}</Table.Td>
            <Table.Td>
              <AccountStatusBadge disabled={user.disabled} />
            </Table.Td>
            <Table.Td>{format.dateTime(user.lastLoginAt) || t('app.never')}</Table.Td>
            {onEdit ? (
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant="default"
                  aria-label={`${t('app.edit')}: ${user.displayName}`}
                  onClick={() => onEdit(user)}
                >
                  {t('app.edit')}
                </Button>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
