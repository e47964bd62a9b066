import { Button, Paper, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOfficeKind } from '../../../../contracts/common';
import { PageTitle } from '../../../ui/page-title';
import { PageLoader, QueryError } from '../../../ui/status';
import { useCurrentUser } from '../../auth';
import { useOffices } from '../api';
import { CreateOfficeModal } from '../components/create-office-modal';
import { EditOfficeModal } from '../components/edit-office-modal';
import { OfficeTreeView } from '../components/office-tree-view';
import { buildOfficeTree } from '../office-tree';

/** "Stellen" (`/offices`): the office tree; admins create and edit offices. */
export function OfficesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isAdmin = user.role === 'admin';
  const offices = useOffices();
  const roots = useMemo(() => buildOfficeTree(offices.data ?? []), [offices.data]);
  const [creating, setCreating] = useState<{ parentId: string | null; kind: TOfficeKind } | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = offices.data?.find((office) => office.id === editingId) ?? null;
  const hasCoordination = offices.data?.some((office) => office.kind === 'coordination') ?? false;

  return (
    <Stack>
      <PageTitle
        title={t('offices.title')}
        actions={
          isAdmin ? (
            <Button
              onClick={() =>
                setCreating(
                  hasCoordination
                    ? { parentId: null, kind: 'state_office' }
                    : { parentId: null, kind: 'coordination' },
                )
              }
            >
              {t('offices.create')}
            </Button>
          ) : null
        }
      />
      {!isAdmin ? <Text>{t('offices.readOnlyHint')}</Text> : null}
      {offices.isPending ? <PageLoader /> : null}
      {offices.isError ? <QueryError error={offices.error} onRetry={() => void offices.refetch()} /> : null}
      {offices.data ? (
        <Paper withBorder p="md">
          {roots.length === 0 ? (
            <Text>{t('offices.empty')}</Text>
          ) : (
            <OfficeTreeView
              roots={roots}
              onEdit={isAdmin ? (office) => setEditingId(office.id) : undefined}
              onAddChild={isAdmin ? (parent, kind) => setCreating({ parentId: parent.id, kind }) : undefined}
            />
          )}
        </Paper>
      ) : null}
      {isAdmin ? (
        <>
          <CreateOfficeModal
            opened={creating !== null}
            onClose={() => setCreating(null)}
            offices={offices.data ?? []}
            preset={creating ?? undefined}
          />
          <EditOfficeModal office={editing} onClose={() => setEditingId(null)} />
        </>
      ) : null}
    </Stack>
  );
}
