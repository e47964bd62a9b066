import { Grid, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../lib/api';
import { errorMessage } from '../../../ui/error-message';
import { PageTitle } from '../../../ui/page-title';
import { PageLoader, QueryError } from '../../../ui/status';
import { useDirectory, usePostcode } from '../api';
import { FinderMap } from '../components/finder-map';
import { FinderSearch } from '../components/finder-search';
import { OfficeCard, type TDirectoryHit } from '../components/office-card';
import { finderSearchFromParams, type TFinderSearch } from '../finder-input';

/** The server's words for a refused postcode: the field message (400) or the problem detail (404). */
function postcodeProblem(error: unknown, t: Parameters<typeof errorMessage>[1]): string | null {
  if (!isApiError(error) || (error.status !== 400 && error.status !== 404)) return null;
  return error.fieldErrors[0]?.message ?? errorMessage(error, t);
}

/** Offices as an ordered list of cards numbered from `first` (the numbers of their map markers). */
function OfficeList({ hits, first, level }: { hits: readonly TDirectoryHit[]; first: number; level: 3 | 4 }) {
  return (
    <ol className="kausa-plain-list" start={first} data-testid="finder-results">
      {hits.map((hit, i) => (
        <li key={hit.id}>
          <OfficeCard hit={hit} number={first + i} level={level} />
        </li>
      ))}
    </ol>
  );
}

/**
 * "KAUSA-Stelle finden" (`/finder`, public): postcode/place or Land → the responsible offices, nearest
 * first, with what they offer and how to reach them, beside a map of Germany. The search lives in the
 * address (`?plz=39104`, `?land=15`), so results can be bookmarked and shared.
 */
export function FinderPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = finderSearchFromParams(params);
  const postcodeSearch = search?.kind === 'postcode' ? search.postcode : null;
  const postcode = usePostcode(postcodeSearch);
  const directoryQuery =
    search?.kind === 'postcode'
      ? { plz: search.postcode }
      : search?.kind === 'land'
        ? { land: search.land }
        : null;
  const directory = useDirectory(directoryQuery, search?.kind === 'land' || postcode.isSuccess);
  const refused = postcode.isError ? postcodeProblem(postcode.error, t) : null;

  const onSearch = (next: TFinderSearch) => {
    setParams(next.kind === 'postcode' ? { plz: next.postcode } : { land: next.land });
  };

  // Responsible offices first (as the API sorts them), then others nearby: numbered in one sequence.
  const offices = useMemo(() => {
    const items = directory.data?.items ?? [];
    return [...items.filter((hit) => hit.responsible), ...items.filter((hit) => !hit.responsible)];
  }, [directory.data]);
  const responsible = offices.filter((hit) => hit.responsible);
  const others = offices.filter((hit) => !hit.responsible);
  const landCode =
    search?.kind === 'land'
      ? search.land
      : (postcode.data?.landCode ?? directory.data?.origin?.landCode ?? null);
  const origin = directory.data?.origin;
  const resultTitle =
    search?.kind === 'land'
      ? t('finder.results.titleLand', { land: t(`lands.${search.land}`) })
      : origin
        ? t('finder.results.titlePostcode', { postcode: origin.postcode, place: origin.place })
        : t('finder.results.title');
  const loading =
    (postcodeSearch !== null && postcode.isPending) || (directoryQuery !== null && directory.isLoading);

  let status = '';
  if (refused) status = refused;
  else if (directory.data) status = t('finder.results.count', { count: offices.length });

  return (
    <Stack gap="lg">
      <PageTitle title={t('finder.title')} />
      <Text maw="70ch">{t('finder.intro')}</Text>
      <Paper withBorder p="md">
        <FinderSearch search={search} onSearch={onSearch} postcodeError={refused} />
      </Paper>
      <VisuallyHidden role="status" aria-live="polite" data-testid="finder-status">
        {status}
      </VisuallyHidden>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md" component="section" aria-labelledby="finder-results-title">
            <Title order={2} id="finder-results-title" size="h3">
              {resultTitle}
            </Title>
            {!search ? <Text>{t('finder.results.start')}</Text> : null}
            {loading ? <PageLoader /> : null}
            {postcode.isError && !refused ? (
              <QueryError error={postcode.error} onRetry={() => void postcode.refetch()} />
            ) : null}
            {directory.isError ? (
              <QueryError error={directory.error} onRetry={() => void directory.refetch()} />
            ) : null}
            {directory.data && offices.length === 0 ? <Text>{t('finder.results.empty')}</Text> : null}
            {directory.data &&
            offices.length > 0 &&
            !responsible.some((hit) => hit.kind !== 'coordination') ? (
              <Text data-testid="finder-no-local-office">{t('finder.results.noLocalOffice')}</Text>
            ) : null}
            {offices.length > 0 && others.length === 0 ? (
              <OfficeList hits={offices} first={1} level={3} />
            ) : null}
            {offices.length > 0 && others.length > 0 ? (
              <>
                {responsible.length > 0 ? (
                  <>
                    <Title order={3} size="h4">
                      {t('finder.results.responsible')}
                    </Title>
                    <OfficeList hits={responsible} first={1} level={4} />
                  </>
                ) : null}
                <Title order={3} size="h4">
                  {t('finder.results.others')}
                </Title>
                <Text size="sm">{t('finder.results.othersHint')}</Text>
                <OfficeList hits={others} first={responsible.length + 1} level={4} />
              </>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="xs" className="kausa-sticky" component="section" aria-labelledby="finder-map-title">
            <Title order={2} id="finder-map-title" size="h3">
              {t('finder.map.title')}
            </Title>
            <FinderMap offices={offices} postcode={postcode.data ?? null} landCode={landCode} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
