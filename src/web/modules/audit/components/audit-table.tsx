import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAuditEntry } from '../../../../contracts/audit';
import { useFormatters } from '../../../lib/format';

/** `details` as `key: value` lines (objects as JSON). */
function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('\n');
}

/** Table of audit entries, newest first: time, who, action, object, details, IP. */
export function AuditTable({ entries }: { entries: readonly TAuditEntry[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Table striped captionSide="top" verticalSpacing="xs" layout="fixed">
      <Table.Caption>
        <VisuallyHidden>{t('audit.tableCaption')}</VisuallyHidden>
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w="15%">
            {t('audit.columns.at')}
          </Table.Th>
          <Table.Th scope="col" w="18%">
            {t('audit.columns.actor')}
          </Table.Th>
          <Table.Th scope="col" w="12%">
            {t('audit.columns.action')}
          </Table.Th>
          <Table.Th scope="col" w="20%">
            {t('audit.columns.entity')}
          </Table.Th>
          <Table.Th scope="col">{t('audit.columns.details')}</Table.Th>
          <Table.Th scope="col" w="10%">
            {t('audit.columns.ip')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={6}>
              <Text>{t('audit.empty')}</Text>
            </Table.Td>
          </Table.Tr>
        ) : null}
        {entries.map((entry) => (
          <Table.Tr key={entry.id} data-testid="audit-row">
            <Table.Td>{format.dateTime(entry.at)}</Table.Td>
            <Table.Td>
              {entry.actorName ?? t('audit.system')}
              {entry.actorRole ? <Text size="xs">{t(`roles.${entry.actorRole}`)}</Text> : null}
            </Table.Td>
            <Table.Td>{t(`auditActions.${entry.action}`)}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              {t(`entityTypes.${entry.entityType}`, { defaultValue: entry.entityType })}
              {entry.entityId ? <Text size="xs">{entry.entityId}</Text> : null}
            </Table.Td>
            <Table.Td>
              <Text component="span" className="kausa-details">
                {detailsText(entry.details)}
              </Text>
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{entry.ip ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
