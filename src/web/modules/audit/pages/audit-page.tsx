import { Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { type TAuditAction, ZAuditAction } from '../../../../contracts/audit';
import { localDayToIso } from '../../../lib/format';
import { PageTitle } from '../../../ui/page-title';
import { Pager } from '../../../ui/pager';
import { PageLoader, QueryError } from '../../../ui/status';
import { useUsers } from '../../users';
import { useAuditLog } from '../api';
import { AuditFilters, type TAuditFilterValues } from '../components/audit-filters';
import { AuditTable } from '../components/audit-table';

const PAGE_SIZE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function readFilters(params: URLSearchParams): TAuditFilterValues {
  const action = params.get('action');
  const day = (key: string) => {
    const value = params.get(key) ?? '';
    return DAY.test(value) ? value : '';
  };
  return {
    action: ZAuditAction.safeParse(action).success ? (action as TAuditAction) : '',
    entityType: params.get('entityType') ?? '',
    actorUserId: params.get('actorUserId') ?? '',
    from: day('from'),
    to: day('to'),
  };
}

/**
 * "Protokoll" (`/audit`, admin and coordinator): the audit log, newest first, filterable by action,
 * object type, user and date range (local days; "bis" includes that day). Filters live in the URL.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const invalidRange = Boolean(filters.from && filters.to && filters.to < filters.from);
  const audit = useAuditLog({
    action: filters.action || undefined,
    entityType: filters.entityType || undefined,
    actorUserId: filters.actorUserId || undefined,
    from: localDayToIso(filters.from),
    to: invalidRange ? undefined : localDayToIso(filters.to, 1),
    limit: PAGE_SIZE,
    offset,
  });
  const users = useUsers({ limit: 200, offset: 0 });

  const setFilters = (next: TAuditFilterValues, nextOffset = 0) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) search.set(key, value);
    if (nextOffset > 0) search.set('offset', String(nextOffset));
    setParams(search, { replace: true });
  };

  return (
    <Stack>
      <PageTitle title={t('audit.title')} />
      <AuditFilters value={filters} onChange={(next) => setFilters(next)} users={users.data?.items ?? []} />
      {audit.isPending ? <PageLoader /> : null}
      {audit.isError ? <QueryError error={audit.error} onRetry={() => void audit.refetch()} /> : null}
      {audit.data ? (
        <Paper withBorder p="md">
          <AuditTable entries={audit.data.items} />
          <Pager
            total={audit.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={(next) => setFilters(filters, next)}
          />
        </Paper>
      ) : null}
    </Stack>
  );
}
