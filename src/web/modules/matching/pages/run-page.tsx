import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { TMatchRun, TMatchRunResult } from '../../../../contracts/matching';
import { useFormatters } from '../../../lib/format';
import { errorMessage } from '../../../ui/error-message';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { PageTitle } from '../../../ui/page-title';
import { Pager } from '../../../ui/pager';
import { PageSection } from '../../../ui/section';
import { PageLoader, QueryError } from '../../../ui/status';
import { useMatchRun, useMatchRunResults, useStartMatchRun } from '../api';
import { RunProgress, RunStatusBadge } from '../components/run-progress';
import { matchPlaceName } from '../components/suggestion-cards';
import { FACTOR_ORDER, scorePercent } from '../factor-text';
import { isEmptyRun, runFiltersText, stampCode } from '../run-form';

const LIMIT = 50;

/** The run's parameters, the weights it used and its data fingerprint (what makes it reproducible). */
function RunFacts({ run }: { run: TMatchRun }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const withheld = run.counts.clients === null || run.counts.results === null;
  // Rows keyed by a fixed id: two labels may read the same in a language, and rows come and go.
  const rows: Array<[string, string, ReactNode]> = [];
  if (run.scope === 'region')
    rows.push(['scope', t('matching.runs.scope'), t('matching.runs.scopes.region')]);
  if (run.region)
    rows.push([
      'scope',
      t('matching.runs.scope'),
      <Anchor
        key="region"
        component={Link}
        to={`/matching/runs/${run.region.runId}`}
        data-testid="run-part-of"
      >
        {t('matching.runs.partOf', { office: run.region.officeName })}
      </Anchor>,
    ]);
  rows.push(
    ['direction', t('matching.runs.direction'), t(`matching.runs.directions.${run.parameters.direction}`)],
    ['k', t('matching.runs.k'), String(run.parameters.k)],
    ['filters', t('matching.runs.filtersUsed'), runFiltersText(run.parameters.filters, t, format)],
    [
      'weights',
      run.scope === 'region'
        ? t('matching.runs.weightsRegion', { version: run.configVersion })
        : t('matching.runs.weightsUsed', { version: run.configVersion }),
      FACTOR_ORDER.map((k) => `${t(`matching.factor.${k}`)} ${format.number(run.config.weights[k])}`).join(
        ', ',
      ),
    ],
    [
      'counts',
      t('matching.runs.counts'),
      withheld
        ? t('matching.runs.countsLineWithheld', { places: format.number(run.counts.places) })
        : t('matching.runs.countsLine', {
            clients: format.number(run.counts.clients ?? 0),
            places: format.number(run.counts.places),
            results: format.number(run.counts.results ?? 0),
          }),
    ],
    [
      'stamp',
      t('matching.runs.dataStamp'),
      run.dataStamp ? (
        <span key="stamp" title={run.dataStamp} data-testid="data-stamp">
          {stampCode(run.dataStamp)}
        </span>
      ) : (
        '–'
      ),
    ],
    ['createdBy', t('matching.runs.createdBy'), run.createdByName ?? '–'],
  );
  return (
    <dl className="kausa-dl" data-testid="run-facts">
      {rows.map(([key, label, value]) => (
        <Fragment key={key}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function ResultRow({ row }: { row: TMatchRunResult }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const client = row.client ? (
    <Anchor component={Link} to={`/clients/${row.clientId}`}>
      {row.client.displayName}
    </Anchor>
  ) : (
    t('matching.runs.deleted')
  );
  const place = row.place ? (
    <>
      <Anchor component={Link} to={`/places/${row.placeId}`}>
        {matchPlaceName(row.place, t)}
      </Anchor>
      {/* Company, town, distance and start: two places of one company in one occupation differ here. */}
      <Text size="xs" data-testid="result-place-detail">
        {[
          row.place.companyName,
          [row.place.postcode, row.place.town].filter(Boolean).join(' '),
          row.place.distanceKm === null
            ? null
            : t('matching.card.distance', { km: format.distanceKmExact(row.place.distanceKm) }),
          row.place.startsOn ? t('matching.card.startsOn', { date: format.day(row.place.startsOn) }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </>
  ) : (
    t('matching.runs.deleted')
  );
  const [owner, other] = row.direction === 'places' ? [client, place] : [place, client];
  return (
    <Table.Tr data-testid="result-row">
      <Table.Td>{owner}</Table.Td>
      <Table.Td>{row.rank}</Table.Td>
      <Table.Td>{other}</Table.Td>
      <Table.Td>{t('matching.score.percent', { percent: scorePercent(row.score) })}</Table.Td>
    </Table.Tr>
  );
}

/** The stored result lists of a run, paged; a `both` run chooses which lists to show. */
function Results({ run }: { run: TMatchRun }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [direction, setDirection] = useState<'places' | 'clients'>(
    run.parameters.direction === 'clients' ? 'clients' : 'places',
  );
  const results = useMatchRunResults(
    run.id,
    { direction, limit: LIMIT, offset },
    run.status === 'done' && run.scope === 'office',
  );
  if (run.scope === 'region') return <RegionResults run={run} />;
  if (run.status !== 'done') return <Text>{t('matching.runs.resultsLater')}</Text>;
  if (isEmptyRun(run)) return <Text data-testid="run-empty-hint">{t('matching.runs.emptyRun')}</Text>;
  return (
    <Stack>
      {run.parameters.direction === 'both' ? (
        <NativeSelect
          label={t('matching.runs.showLists')}
          data={(['places', 'clients'] as const).map((d) => ({
            value: d,
            label: t(`matching.runs.directions.${d}`),
          }))}
          value={direction}
          onChange={(e) => {
            setDirection(e.currentTarget.value as 'places' | 'clients');
            setOffset(0);
          }}
          maw={360}
        />
      ) : null}
      {results.isPending ? <PageLoader /> : null}
      {results.isError ? <QueryError error={results.error} onRetry={() => void results.refetch()} /> : null}
      {results.data ? (
        <>
          <Table striped captionSide="top" verticalSpacing="xs" data-testid="result-list">
            <Table.Caption>
              <VisuallyHidden>{t('matching.runs.resultsTitle')}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  {direction === 'places' ? t('matching.runs.client') : t('matching.runs.place')}
                </Table.Th>
                <Table.Th scope="col">{t('matching.runs.rank')}</Table.Th>
                <Table.Th scope="col">
                  {direction === 'places' ? t('matching.runs.place') : t('matching.runs.client')}
                </Table.Th>
                <Table.Th scope="col">{t('matching.runs.score')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.data.items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text>{t('matching.runs.noResults')}</Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
              {results.data.items.map((row) => (
                <ResultRow key={`${row.direction}-${row.clientId}-${row.placeId}`} row={row} />
              ))}
            </Table.Tbody>
          </Table>
          <Pager total={results.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
        </>
      ) : null}
    </Stack>
  );
}

/** A region run's lists stay with its offices: a link to the own office's part. */
function RegionResults({ run }: { run: TMatchRun }) {
  const { t } = useTranslation();
  const own = run.parts?.find((p) => p.runId !== null);
  return (
    <Group gap="xs">
      <Text>{t('matching.runs.regionResults')}</Text>
      {own?.runId ? (
        <Anchor component={Link} to={`/matching/runs/${own.runId}`} data-testid="open-own-part">
          {t('matching.runs.openOwnPart')}
        </Anchor>
      ) : null}
    </Group>
  );
}

/** A count of a part, "nicht gezeigt" when withheld, "–" when the run made no such list. */
function PartCount({ value, applies }: { value: number | null; applies: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (!applies) return <>{t('matching.runs.notApplicable')}</>;
  if (value === null)
    return (
      <Text span size="sm" title={t('matching.runs.withheldHint')} data-testid="withheld">
        {t('matching.runs.withheld')}
      </Text>
    );
  return <>{format.number(value)}</>;
}

/** The offices of a region run: each part's status and counts; the own office's part opens as a run. */
function RegionParts({ run }: { run: TMatchRun }) {
  const { t } = useTranslation();
  const places = run.parameters.direction !== 'clients';
  const clients = run.parameters.direction !== 'places';
  return (
    <Stack gap="xs">
      <Text size="sm">{t('matching.runs.partsIntro')}</Text>
      <Table striped captionSide="top" verticalSpacing="xs" data-testid="run-parts">
        <Table.Caption>
          <VisuallyHidden>{t('matching.runs.partsTitle')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('matching.runs.parts.office')}</Table.Th>
            <Table.Th scope="col">{t('matching.runs.parts.status')}</Table.Th>
            <Table.Th scope="col">{t('matching.runs.parts.clients')}</Table.Th>
            <Table.Th scope="col">{t('matching.runs.parts.clientsWithSuggestions')}</Table.Th>
            <Table.Th scope="col">{t('matching.runs.parts.places')}</Table.Th>
            <Table.Th scope="col">{t('matching.runs.parts.placesWithCandidates')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(run.parts ?? []).map((p) => (
            <Table.Tr key={p.officeId} data-testid="run-part">
              <Table.Th scope="row" fw={400}>
                {p.runId ? (
                  <Anchor component={Link} to={`/matching/runs/${p.runId}`}>
                    {p.officeName}
                  </Anchor>
                ) : (
                  p.officeName
                )}
                <Text size="xs">{t('matching.runs.parts.weights', { version: p.configVersion })}</Text>
              </Table.Th>
              <Table.Td>
                <RunStatusBadge status={p.status} />
              </Table.Td>
              <Table.Td>
                <PartCount value={p.stats?.clients ?? null} applies={p.stats !== null} />
              </Table.Td>
              <Table.Td>
                <PartCount
                  value={p.stats?.clientsWithSuggestions ?? null}
                  applies={p.stats !== null && places}
                />
              </Table.Td>
              <Table.Td>
                <PartCount value={p.stats?.places ?? null} applies={p.stats !== null} />
              </Table.Td>
              <Table.Td>
                <PartCount
                  value={p.stats?.placesWithCandidates ?? null}
                  applies={p.stats !== null && clients}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/**
 * "Erneut starten": a new run with this run's scope, direction, list length and filters (on the data and
 * weights of now: the new run stores its own), then its page.
 */
function RerunButton({ run }: { run: TMatchRun }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartMatchRun();
  const [message, setMessage] = useState<string | null>(null);
  const { k, direction, filters } = run.parameters;
  return (
    <Stack gap="xs">
      <Group>
        <Button
          variant="light"
          loading={start.isPending}
          onClick={() => {
            setMessage(null);
            start.mutate(
              { scope: run.scope, k, direction, filters },
              {
                onSuccess: (next) => {
                  notifySuccess(t('matching.runs.started'));
                  navigate(`/matching/runs/${next.id}`);
                },
                onError: (error) => setMessage(errorMessage(error, t)),
              },
            );
          }}
        >
          {t('matching.runs.rerun')}
        </Button>
      </Group>
      <FormAlert message={message} />
    </Stack>
  );
}

/**
 * A batch run (`/matching/runs/:id`): its progress bar while it runs (polled), the parameters, weights and
 * data fingerprint it ran with, and once done its result lists.
 */
export function RunPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { id } = useParams();
  const query = useMatchRun(id);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const run = query.data;
  const when = format.dateTime(run.createdAt);
  return (
    <Stack>
      <PageTitle title={t('matching.runs.runTitle', { date: when })} />
      <Group gap="md">
        <RunStatusBadge status={run.status} />
        <Anchor component={Link} to="/matching/runs" size="sm">
          {t('matching.runs.toList')}
        </Anchor>
      </Group>
      <PageSection title={t('matching.runs.progress')} data-testid="run-progress-section">
        <RunProgress run={run} label={when} />
      </PageSection>
      {run.scope === 'region' ? (
        <PageSection title={t('matching.runs.partsTitle')} data-testid="run-parts-section">
          <RegionParts run={run} />
        </PageSection>
      ) : null}
      <PageSection title={t('matching.runs.parameters')} data-testid="run-parameters">
        <RunFacts run={run} />
        <RerunButton run={run} />
      </PageSection>
      <PageSection title={t('matching.runs.resultsTitle')} data-testid="run-results">
        <Results run={run} />
      </PageSection>
    </Stack>
  );
}
