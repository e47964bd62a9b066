import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TOfficeKind } from '../../../contracts/common';
import type { TOffice } from '../../../contracts/offices';
import { api } from '../../lib/api';

/** React Query key of the office list. */
export const OFFICES_QUERY_KEY = ['offices'] as const;

/** All offices the signed-in user may see (`GET /api/offices`). */
export function useOffices() {
  return useQuery({
    queryKey: OFFICES_QUERY_KEY,
    queryFn: async ({ signal }) =>
      (await api.get<{ items: TOffice[] }>('/api/offices', undefined, signal)).items,
    staleTime: 5 * 60_000,
  });
}

/** Input of {@link useCreateOffice} (`POST /api/offices`, admin). */
export interface TCreateOfficeInput {
  parentId: string | null;
  kind: TOfficeKind;
  name: string;
  landCode: string | null;
}

/** Creates an office; 400 `invalid_office_parent` when parent and kind do not fit. */
export function useCreateOffice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateOfficeInput) => api.post<{ office: TOffice }>('/api/offices', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: OFFICES_QUERY_KEY }),
  });
}

/** Input of {@link useUpdateOffice} (`PATCH /api/offices/:id`, admin). */
export interface TUpdateOfficeInput {
  id: string;
  version: number;
  name?: string;
  landCode?: string | null;
}

/** Renames an office or changes its Land; 409 `conflict` when `version` is stale. */
export function useUpdateOffice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TUpdateOfficeInput) =>
      api.patch<{ office: TOffice }>(`/api/offices/${encodeURIComponent(id)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: OFFICES_QUERY_KEY }),
  });
}
