import { Alert, Anchor, Badge, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPlaceSuggestion } from '../../../../contracts/matching';
import { PageSection } from '../../../ui/section';
import { PageLoader, QueryError } from '../../../ui/status';
import { CreatePlacementDialog, type TPlacementDraft, usePlacements } from '../../placements';
import { useClientSuggestions, useMatchConfig } from '../api';
import {
  clientFiltersToQuery,
  filtersActive,
  mergeOccupations,
  NO_CLIENT_FILTERS,
  radiusInForce,
  SUGGESTION_COUNT,
  type TClientSuggestionFilters,
} from '../suggestion-filters';
import { ExplainPairForm } from './explain-pair';
import { matchPlaceName, PlaceSuggestionCard } from './suggestion-cards';
import { ClientFilterForm } from './suggestion-filter-form';
import { SuggestionNotes } from './suggestion-notes';

/** Props of {@link ClientSuggestionsSection}. */
export interface ClientSuggestionsSectionProps {
  clientId: string;
  /** The client's recorded mobility radius in km (null: the office default applies). */
  mobilityRadiusKm: number | null;
  /** Address of the page's consents section (the "record the consent" link of the empty state). */
  consentsHref: string;
}

/**
 * "Vorschläge" on a client's page: up to ten best open places of the office (a note says why there are
 * fewer), each with its score as a bar, every factor in plain language with its points, flags (work permit
 * missing, already placed) clearly marked, and "Vermittlung anlegen"; filters by kind, occupation, distance
 * and flags; empty states that say what to do (no matching consent → link to the consents; nothing recorded
 * to match on; nothing within the filters). Shows the stage of the client's case, which moves to
 * "Bewerbung" with the first placement.
 */
export function ClientSuggestionsSection({
  clientId,
  mobilityRadiusKm,
  consentsHref,
}: ClientSuggestionsSectionProps) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<TClientSuggestionFilters>(NO_CLIENT_FILTERS);
  const [occupations, setOccupations] = useState<Map<string, string>>(new Map());
  const [draft, setDraft] = useState<TPlacementDraft | null>(null);
  const query = useClientSuggestions(clientId, clientFiltersToQuery(filters));
  const config = useMatchConfig();
  const placements = usePlacements({ clientId, open: true, limit: 200 });
  const byPlace = useMemo(
    () => new Map((placements.data?.items ?? []).map((p) => [p.place.id, p])),
    [placements.data],
  );
  const data = query.data;
  // The occupation filter offers the occupations the lists have shown so far.
  const items = data?.items ?? [];
  const merged = mergeOccupations(
    occupations,
    items.map((s) => s.place),
  );
  if (merged.size !== occupations.size) setOccupations(merged);
  const radius = radiusInForce(mobilityRadiusKm, config.data?.config.defaultRadiusKm, filters.maxKm);
  const caseStage = data?.client.caseStage ?? null;
  const open = (s: TPlaceSuggestion) =>
    data &&
    setDraft({
      clientId,
      clientName: data.client.displayName,
      placeId: s.place.id,
      placeName: matchPlaceName(s.place, t),
      companyName: s.place.companyName,
      caseStage,
      score: { score: s.score, factors: s.factors, flags: s.flags },
    });
  return (
    <PageSection
      title={t('matching.client.title')}
      data-testid="suggestions-section"
      actions={
        caseStage ? (
          <Badge size="lg" color="blue" variant="light" tt="none" data-testid="suggestions-case-stage">
            {t('matching.client.caseStage', { stage: t(`cases.stage.${caseStage}`) })}
          </Badge>
        ) : null
      }
    >
      <Stack>
        <Text size="sm">{t('matching.client.intro')}</Text>
        {data && data.empty !== 'no_matching_consent' && data.empty !== 'nothing_to_match_on' ? (
          <ClientFilterForm value={filters} onChange={setFilters} occupations={occupations} />
        ) : null}
        {query.isPending ? <PageLoader /> : null}
        {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
        {data ? <SuggestionNotes notes={data.notes} side="client" /> : null}
        {data?.empty ? (
          <Alert
            color="blue"
            variant="light"
            title={t(`matching.client.empty.${data.empty}.title`)}
            data-testid="suggestions-empty"
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                {t(`matching.client.empty.${data.empty}.text`)}
                {data.empty === 'none_within_filters' && filtersActive(filters)
                  ? ` ${t('matching.client.loosen')}`
                  : ''}
              </Text>
              {data.empty === 'no_matching_consent' ? (
                <Anchor href={consentsHref} size="sm">
                  {t('matching.client.recordConsent')}
                </Anchor>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        {items.length > 0 && items.length < SUGGESTION_COUNT ? (
          <Text size="sm" data-testid="suggestions-fewer">
            {t('matching.client.fewer', { count: items.length })}
          </Text>
        ) : null}
        {items.length > 0 ? (
          <ol
            className="kausa-plain-list"
            aria-label={t('matching.client.listLabel')}
            data-testid="suggestion-list"
          >
            {items.map((s, index) => (
              <PlaceSuggestionCard
                key={s.place.id}
                rank={index + 1}
                suggestion={s}
                ctx={{ side: 'client', germanLevel: data?.client.germanLevel ?? null, radiusKm: radius }}
                placement={byPlace.get(s.place.id)}
                onCreate={() => open(s)}
              />
            ))}
          </ol>
        ) : null}
        {data && data.empty !== 'no_matching_consent' ? (
          <ExplainPairForm clientId={clientId} ctx={{ side: 'client', radiusKm: radius }} />
        ) : null}
      </Stack>
      <CreatePlacementDialog draft={draft} onClose={() => setDraft(null)} />
    </PageSection>
  );
}
