import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TAuditAction, TAuditEntry } from '../../../contracts/audit';
import { api } from '../../lib/api';

/** Filters and paging of `GET /api/audit`; `from` inclusive, `to` exclusive (ISO timestamps). */
export interface TAuditFilters {
  actorUserId?: string;
  action?: TAuditAction;
  entityType?: string;
  entityId?: string;
  officeId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** One page of audit entries, newest first (admin: all; coordinator: own scope). */
export function useAuditLog(filters: TAuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: ({ signal }) =>
      api.get<{ items: TAuditEntry[]; total: number }>('/api/audit', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}
