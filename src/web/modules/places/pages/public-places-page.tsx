import {
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ZPlaceKind } from '../../../../contracts/companies.enums';
import { isApiError } from '../../../lib/api';
import { errorMessage } from '../../../ui/error-message';
import { PageTitle } from '../../../ui/page-title';
import { Pager } from '../../../ui/pager';
import { PageLoader, QueryError } from '../../../ui/status';
import { EnumSelect, OccupationSinglePicker } from '../../clients';
import { usePublicPlaces } from '../api';
import { PublicPlaceCard } from '../components/public-place-card';
import {
  NO_PUBLIC_FILTERS,
  nearIsInvalid,
  offsetFromParams,
  placeFiltersToParams,
  publicFiltersFromParams,
  publicFiltersToQuery,
  type TPublicPlaceFilterValues,
} from '../place-filters';

const PAGE_SIZE = 20;

/** Search form of the public list: kind and occupation apply at once, postcode and radius on "Suchen". */
function PublicFilters({
  value,
  onChange,
  nearError,
}: {
  value: TPublicPlaceFilterValues;
  onChange: (next: TPublicPlaceFilterValues) => void;
  nearError: string | null;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const set = (patch: Partial<TPublicPlaceFilterValues>, apply = false) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (apply) onChange(next);
  };
  const invalid = nearIsInvalid(draft.near);
  const error = invalid ? t('places.validation.postcode') : nearError;
  return (
    <search aria-label={t('places.public.searchLabel')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!invalid) onChange(draft);
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <OccupationSinglePicker
              label={t('places.fields.occupation')}
              value={draft.occupationId || null}
              onChange={(id) => set({ occupationId: id ?? '' }, true)}
            />
            <EnumSelect
              label={t('places.fields.kind')}
              values={ZPlaceKind.options}
              prefix="places.kind"
              emptyLabel={t('places.filters.all')}
              value={draft.kind}
              onChange={(e) => set({ kind: e.currentTarget.value }, true)}
            />
            <NativeSelect
              label={t('places.filters.sort')}
              data={[
                { value: 'startsOn', label: t('places.filters.sortStart') },
                { value: 'distance', label: t('places.filters.sortDistance'), disabled: !draft.near.trim() },
              ]}
              value={draft.near.trim() ? draft.sort : 'startsOn'}
              onChange={(e) =>
                set({ sort: e.currentTarget.value === 'distance' ? 'distance' : 'startsOn' }, true)
              }
            />
            <TextInput
              label={t('places.public.near')}
              description={t('places.filters.nearHint')}
              inputMode="numeric"
              autoComplete="postal-code"
              maxLength={5}
              value={draft.near}
              onChange={(e) => set({ near: e.currentTarget.value })}
              error={error ?? undefined}
              aria-invalid={error ? true : undefined}
            />
            <TextInput
              label={t('places.filters.radius')}
              description={t('places.filters.radiusHint')}
              inputMode="numeric"
              value={draft.radiusKm}
              onChange={(e) => set({ radiusKm: e.currentTarget.value.replace(/\D/g, '').slice(0, 4) })}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit">{t('places.public.search')}</Button>
            <Button
              variant="default"
              onClick={() => {
                setDraft(NO_PUBLIC_FILTERS);
                onChange(NO_PUBLIC_FILTERS);
              }}
            >
              {t('app.resetFilters')}
            </Button>
          </Group>
        </Stack>
      </form>
    </search>
  );
}

/**
 * "Freie Ausbildungsplätze" (`/training-places`, public): published open places of every KAUSA office,
 * by occupation, kind and distance to a postcode; each with company, place, start, seats and the
 * office to ask. The search lives in the address, so it can be shared.
 */
export function PublicPlacesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = publicFiltersFromParams(params);
  const offset = offsetFromParams(params);
  const places = usePublicPlaces({ ...publicFiltersToQuery(filters), limit: PAGE_SIZE, offset });
  const setFilters = (next: TPublicPlaceFilterValues, nextOffset = 0) =>
    setParams(placeFiltersToParams(next, nextOffset), { replace: true });
  const refused =
    places.isError && isApiError(places.error) && (places.error.status === 400 || places.error.status === 404)
      ? (places.error.fieldErrors[0]?.message ?? errorMessage(places.error, t))
      : null;
  const status = refused ?? (places.data ? t('places.public.count', { count: places.data.total }) : '');
  return (
    <Stack gap="lg">
      <PageTitle title={t('places.public.title')} />
      <Text maw="70ch">{t('places.public.intro')}</Text>
      <Paper withBorder p="md">
        <PublicFilters value={filters} onChange={(next) => setFilters(next)} nearError={refused} />
      </Paper>
      <VisuallyHidden role="status" aria-live="polite" data-testid="public-places-status">
        {status}
      </VisuallyHidden>
      <Stack gap="md" component="section" aria-labelledby="public-places-results">
        <Title order={2} size="h3" id="public-places-results">
          {places.data ? t('places.public.count', { count: places.data.total }) : t('places.public.results')}
        </Title>
        {places.isPending ? <PageLoader /> : null}
        {places.isError && !refused ? (
          <QueryError error={places.error} onRetry={() => void places.refetch()} />
        ) : null}
        {places.data && places.data.items.length === 0 ? <Text>{t('places.public.empty')}</Text> : null}
        {places.data && places.data.items.length > 0 ? (
          <ol className="kausa-plain-list" data-testid="public-place-list">
            {places.data.items.map((place) => (
              <li key={place.id}>
                <PublicPlaceCard place={place} />
              </li>
            ))}
          </ol>
        ) : null}
        {places.data && places.data.total > PAGE_SIZE ? (
          <Pager
            total={places.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={(next) => setFilters(filters, next)}
          />
        ) : null}
      </Stack>
    </Stack>
  );
}
