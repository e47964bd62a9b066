import { Alert, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TClientSuggestion } from '../../../../contracts/matching';
import { PageSection } from '../../../ui/section';
import { PageLoader, QueryError } from '../../../ui/status';
import { CreatePlacementDialog, type TPlacementDraft, usePlacements } from '../../placements';
import { usePlaceMatchingCandidates } from '../api';
import {
  filtersActive,
  NO_PLACE_FILTERS,
  placeFiltersToQuery,
  type TPlaceCandidateFilters,
} from '../suggestion-filters';
import { ClientSuggestionCard, matchPlaceName } from './suggestion-cards';
import { PlaceFilterForm } from './suggestion-filter-form';
import { SuggestionNotes } from './suggestion-notes';

/**
 * "Passende Bewerber*innen" on a place's page: the ten young people of the office who fit the place best
 * (only those with a matching consent), each with the score as a bar, every factor explained, flags, the
 * stage of their case and "Vermittlung anlegen"; filters by German level, distance and flags.
 */
export function PlaceCandidatesSection({ placeId }: { placeId: string }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<TPlaceCandidateFilters>(NO_PLACE_FILTERS);
  const [draft, setDraft] = useState<TPlacementDraft | null>(null);
  const query = usePlaceMatchingCandidates(placeId, placeFiltersToQuery(filters));
  const placements = usePlacements({ placeId, open: true, limit: 200 });
  const byClient = useMemo(
    () => new Map((placements.data?.items ?? []).map((p) => [p.client.id, p])),
    [placements.data],
  );
  const data = query.data;
  const items = data?.items ?? [];
  const open = (s: TClientSuggestion) =>
    data &&
    setDraft({
      clientId: s.client.id,
      clientName: s.client.displayName,
      placeId,
      placeName: matchPlaceName(data.place, t),
      companyName: data.place.companyName,
      caseStage: s.client.caseStage,
      score: { score: s.score, factors: s.factors, flags: s.flags },
    });
  return (
    <PageSection title={t('matching.place.title')} data-testid="matching-candidates-section">
      <Stack>
        <Text size="sm">{t('matching.place.intro')}</Text>
        {data && data.empty !== 'place_not_open' ? (
          <PlaceFilterForm value={filters} onChange={setFilters} />
        ) : null}
        {query.isPending ? <PageLoader /> : null}
        {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
        {data ? <SuggestionNotes notes={data.notes} side="place" /> : null}
        {data?.empty ? (
          <Alert
            color="blue"
            variant="light"
            title={t(`matching.place.empty.${data.empty}.title`)}
            data-testid="suggestions-empty"
          >
            <Text size="sm">
              {t(`matching.place.empty.${data.empty}.text`)}
              {data.empty === 'none_within_filters' && filtersActive(filters)
                ? ` ${t('matching.place.loosen')}`
                : ''}
            </Text>
          </Alert>
        ) : null}
        {data && items.length > 0 ? (
          <ol
            className="kausa-plain-list"
            aria-label={t('matching.place.listLabel')}
            data-testid="suggestion-list"
          >
            {items.map((s, index) => (
              <ClientSuggestionCard
                key={s.client.id}
                rank={index + 1}
                suggestion={s}
                place={data.place}
                placement={byClient.get(s.client.id)}
                onCreate={() => open(s)}
              />
            ))}
          </ol>
        ) : null}
      </Stack>
      <CreatePlacementDialog draft={draft} onClose={() => setDraft(null)} />
    </PageSection>
  );
}
