import { Button, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { type TRole, ZRole } from '../../../../contracts/common';
import { notifySuccess } from '../../../ui/notify';
import { PageTitle } from '../../../ui/page-title';
import { Pager } from '../../../ui/pager';
import { PageLoader, QueryError } from '../../../ui/status';
import { useCurrentUser } from '../../auth';
import { useOffices } from '../../offices';
import { type TUserWithPassword, useUsers } from '../api';
import { CreateUserModal } from '../components/create-user-modal';
import { EditUserDrawer } from '../components/edit-user-drawer';
import { OneTimePasswordModal } from '../components/one-time-password-modal';
import { type TUserFilterValues, UserFilters } from '../components/user-filters';
import { UsersTable } from '../components/users-table';

const PAGE_SIZE = 50;

/**
 * "Benutzer*innen" (`/users`): filterable, paged list. Admins create and edit users; coordinators see
 * their office and the offices below, read-only. Filters and page live in the URL.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const isAdmin = me.role === 'admin';
  const [params, setParams] = useSearchParams();
  const roleParam = params.get('role');
  const filters: TUserFilterValues = {
    q: params.get('q') ?? '',
    role: ZRole.safeParse(roleParam).success ? (roleParam as TRole) : '',
    officeId: params.get('officeId') ?? '',
  };
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const users = useUsers({
    q: filters.q || undefined,
    role: filters.role || undefined,
    officeId: filters.officeId || undefined,
    limit: PAGE_SIZE,
    offset,
  });
  const offices = useOffices();
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [oneTime, setOneTime] = useState<TUserWithPassword | null>(null);

  const setFilters = (next: TUserFilterValues, nextOffset = 0) => {
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.role) search.set('role', next.role);
    if (next.officeId) search.set('officeId', next.officeId);
    if (nextOffset > 0) search.set('offset', String(nextOffset));
    setParams(search, { replace: true });
  };

  const showPassword = (result: TUserWithPassword) => {
    if (result.oneTimePassword) setOneTime(result);
  };

  return (
    <Stack>
      <PageTitle
        title={t('users.title')}
        actions={isAdmin ? <Button onClick={() => setCreating(true)}>{t('users.create')}</Button> : null}
      />
      {!isAdmin ? <Text>{t('users.readOnlyHint')}</Text> : null}
      <UserFilters value={filters} onChange={(next) => setFilters(next)} offices={offices.data ?? []} />
      {users.isPending ? <PageLoader /> : null}
      {users.isError ? <QueryError error={users.error} onRetry={() => void users.refetch()} /> : null}
      {users.data ? (
        <Paper withBorder p="md">
          <UsersTable
            users={users.data.items}
            onEdit={isAdmin ? (user) => setEditingId(user.id) : undefined}
          />
          <Pager
            total={users.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={(next) => setFilters(filters, next)}
          />
        </Paper>
      ) : null}
      {isAdmin ? (
        <>
          <CreateUserModal
            opened={creating}
            onClose={() => setCreating(false)}
            offices={offices.data ?? []}
            onCreated={(result) => {
              setCreating(false);
              notifySuccess(t('users.created', { name: result.user.displayName }));
              showPassword(result);
            }}
          />
          <EditUserDrawer
            userId={editingId}
            selfId={me.id}
            offices={offices.data ?? []}
            onClose={() => setEditingId(null)}
            onPasswordReset={(result) => {
              setEditingId(null);
              showPassword(result);
            }}
          />
          <OneTimePasswordModal value={oneTime} onClose={() => setOneTime(null)} />
        </>
      ) : null}
    </Stack>
  );
}
