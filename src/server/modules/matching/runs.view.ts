import type { TMatchRun, TMatchRunPart, TMatchRunPartStats } from '../../../contracts/matching';
import { ZMatchConfig, ZMatchRunFilters } from '../../../contracts/matching';
import { liveProgress, percentOf } from './runs.progress';
import type { PartRow, RunRow } from './runs.repository';

/** Stored runs as the API shows them. */

/** Below this many persons a count is withheld (DOMAIN.md "Rules": statistics suppress any cell below 5). */
export const MIN_CELL = 5;

const small = (n: number) => n > 0 && n < MIN_CELL;

/**
 * The counts of a finished part of a region run (null while it is not done). For another office's part,
 * person counts of 1–4 are withheld, and so are the clients with suggestions when those without are 1–4
 * (by difference they would be known); the actor's own office sees its exact counts.
 */
export function partStats(p: PartRow, direction: string, own: boolean): TMatchRunPartStats | null {
  if (p.status !== 'done') return null;
  const places = direction !== 'clients';
  const clients = p.client_count;
  const withSuggestions = p.clients_with;
  const hide = !own && (small(clients) || small(withSuggestions) || small(clients - withSuggestions));
  return {
    clients: !own && small(clients) ? null : clients,
    clientsWithSuggestions: !places || hide ? null : withSuggestions,
    places: p.place_count,
    placesWithCandidates: direction === 'places' ? null : p.places_with,
  };
}

/** A part of a region run seen from office `actorOfficeId` (another office's counts only with `statistics`). */
function toPart(p: PartRow, direction: string, actorOfficeId: string, statistics: boolean): TMatchRunPart {
  const own = p.office_id === actorOfficeId;
  return {
    officeId: p.office_id,
    officeName: p.office_name,
    runId: own ? p.id : null,
    status: p.status as TMatchRunPart['status'],
    configVersion: p.config_version,
    stats: own || statistics ? partStats(p, direction, own) : null,
  };
}

/**
 * True when a sum over the parts of a region run could give away a count the parts withhold from office
 * `actorOfficeId`: another office's part is not done (its count is not shown yet) or withholds one of its
 * person counts (clients, clients with or without a suggestion).
 */
function sumsHidden(parts: readonly PartRow[], actorOfficeId: string): boolean {
  return parts.some(
    (p) =>
      p.office_id !== actorOfficeId &&
      (p.status !== 'done' ||
        small(p.client_count) ||
        small(p.clients_with) ||
        small(p.client_count - p.clients_with)),
  );
}

/**
 * A stored run for the API, seen from office `actorOfficeId` (live progress while this process runs it). A
 * region run gets its parts (own office first) and the sums over them — people, places, suggestions — with
 * the person-based sums (people, suggestions: with k = 1 they count people with a suggestion) withheld
 * (null) while `sumsHidden`; its progress is in percent (`done` of `total` = 100), as rows of the parts
 * would count another office's people. Without `statistics` (a role that sees no statistics of the offices
 * below) another office's part shows no counts, and the person-based sums are withheld.
 */
export function toRun(
  r: RunRow,
  actorOfficeId: string,
  parts: readonly PartRow[] | null = null,
  statistics = true,
): TMatchRun {
  const live = r.status === 'running' ? liveProgress(r.id) : undefined;
  let done = live?.done ?? r.progress_done;
  let total = live?.total ?? r.progress_total;
  const finished = r.status === 'done';
  const others = parts?.some((p) => p.office_id !== actorOfficeId) ?? false;
  if (others) {
    done = percentOf(done, total, finished);
    total = 100;
  }
  const shown =
    parts === null
      ? null
      : parts
          .map((p) => toPart(p, r.direction, actorOfficeId, statistics))
          .sort((a, b) => Number(b.runId !== null) - Number(a.runId !== null));
  const hidden = parts !== null && ((others && !statistics) || sumsHidden(parts, actorOfficeId));
  return {
    id: r.id,
    officeId: r.office_id,
    scope: r.scope as TMatchRun['scope'],
    region:
      r.parent_id !== null && r.parent_office_name !== null
        ? { runId: r.parent_id, officeName: r.parent_office_name }
        : null,
    parts: shown,
    parameters: {
      k: r.k,
      direction: r.direction as TMatchRun['parameters']['direction'],
      filters: ZMatchRunFilters.parse(r.filters),
    },
    configVersion: r.config_version,
    config: ZMatchConfig.parse(r.config),
    dataStamp: r.data_stamp,
    status: r.status as TMatchRun['status'],
    progress: { done, total, percent: percentOf(done, total, finished) },
    counts: {
      clients: hidden ? null : r.client_count,
      places: r.place_count,
      results: hidden ? null : r.result_count,
    },
    errorCode: r.error_code,
    createdByName: r.created_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    startedAt: r.started_at ? new Date(r.started_at).toISOString() : null,
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  };
}
