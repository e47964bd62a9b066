import { Button, Paper, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../lib/api';
import { errorMessage } from '../../../ui/error-message';
import { PageTitle } from '../../../ui/page-title';
import { Pager } from '../../../ui/pager';
import { PageLoader, QueryError } from '../../../ui/status';
import { ExportMenu } from '../../imports';
import { usePlaces } from '../api';
import { PlaceFilterForm } from '../components/place-filter-form';
import { PlaceFormDialog } from '../components/place-form';
import { PlaceTable } from '../components/place-table';
import {
  offsetFromParams,
  placeFiltersFromParams,
  placeFiltersToParams,
  placeFiltersToQuery,
  type TPlaceFilterValues,
} from '../place-filters';

const PAGE_SIZE = 50;

/** The server's words for a refused `near` postcode (400 `invalid_postcode`, 404 `unknown_postcode`). */
function nearProblem(error: unknown, t: Parameters<typeof errorMessage>[1]): string | null {
  if (!isApiError(error) || (error.status !== 400 && error.status !== 404)) return null;
  if (!['invalid_postcode', 'unknown_postcode'].includes(error.code)) return null;
  return error.fieldErrors[0]?.message ?? errorMessage(error, t);
}

/**
 * "Ausbildungsplätze" (`/places`): the office's places filtered by status, kind, occupation, company,
 * publication and distance to a postcode (with the radius in km and the distance shown), sorted by
 * start date or distance; filters and page live in the address (`/places?companyId=…`).
 */
export function PlacesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = placeFiltersFromParams(params);
  const offset = offsetFromParams(params);
  const query = placeFiltersToQuery(filters);
  const places = usePlaces({ ...query, limit: PAGE_SIZE, offset });
  const [creating, setCreating] = useState(false);
  const setFilters = (next: TPlaceFilterValues, nextOffset = 0) =>
    setParams(placeFiltersToParams(next, nextOffset), { replace: true });
  const refusedNear = places.isError ? nearProblem(places.error, t) : null;
  const companyName = filters.companyId ? (places.data?.items[0]?.companyName ?? null) : null;
  return (
    <Stack>
      <PageTitle
        title={t('places.list.title')}
        actions={
          <>
            <ExportMenu target="places" filters={query} />
            <Button onClick={() => setCreating(true)}>{t('places.list.create')}</Button>
          </>
        }
      />
      <Paper withBorder p="md">
        <PlaceFilterForm
          // Rebuilt when the company name becomes known, so the picker shows it.
          key={companyName ?? 'filters'}
          value={filters}
          onChange={(next) => setFilters(next)}
          companyName={companyName}
          nearError={refusedNear}
        />
      </Paper>
      {places.isPending ? <PageLoader /> : null}
      {places.isError && !refusedNear ? (
        <QueryError error={places.error} onRetry={() => void places.refetch()} />
      ) : null}
      {places.data && !places.isError ? (
        <Paper withBorder p="md">
          <PlaceTable
            items={places.data.items}
            caption={t('places.list.caption')}
            showDistance={Boolean(query.near)}
            emptyText={t('places.list.empty')}
          />
          <Pager
            total={places.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={(next) => setFilters(filters, next)}
          />
        </Paper>
      ) : null}
      <PlaceFormDialog
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(place) => navigate(`/places/${place.id}`)}
      />
    </Stack>
  );
}
