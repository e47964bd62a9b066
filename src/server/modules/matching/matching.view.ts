import type { TCaseStage } from '../../../contracts/cases';
import type { TCefrLevel } from '../../../contracts/clients';
import type { TPlaceKind, TPlaceStatus } from '../../../contracts/companies.enums';
import type {
  TMatchClientSummary,
  TMatchFactor,
  TMatchPlaceSummary,
  TMatchReasonCode,
  TMatchScore,
} from '../../../contracts/matching';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import type { MatchClient, MatchModel, MatchPlace, MatchSuggestion } from './engine/index';
import { OCC_INFO } from './engine/matching.codes';
import * as repo from './matching.repository';

/**
 * API shapes of matching: the explained score of a pair, the summaries of places and clients next to it,
 * and the notes on a client's or place's unknown inputs.
 */

/** The name a client is shown with: the spoken name, else the given names, then the family name. */
export function displayName(r: {
  given_names: string;
  family_name: string;
  spoken_name: string | null;
}): string {
  return `${r.spoken_name?.trim() || r.given_names} ${r.family_name}`;
}

/** Place summary of a row; `distanceKm` as given (null when unknown). */
export function toPlaceSummary(r: repo.PlaceSummaryRow, distanceKm: number | null): TMatchPlaceSummary {
  return {
    id: r.id,
    title: r.title,
    occupationId: r.occupation_id,
    occupationName: r.occupation_name,
    companyId: r.company_id,
    companyName: r.company_name,
    kind: r.kind as TPlaceKind,
    postcode: r.postcode,
    town: r.town,
    distanceKm,
    startsOn: r.starts_on,
    status: r.status as TPlaceStatus,
  };
}

/** Client summary of a row. */
export function toClientSummary(r: repo.ClientSummaryRow): TMatchClientSummary {
  return {
    id: r.id,
    displayName: displayName(r),
    postcode: r.postcode,
    town: r.town,
    germanLevel: (r.german_level as TCefrLevel | null) ?? null,
    caseId: r.case_id,
    caseStage: (r.case_stage as TCaseStage | null) ?? null,
  };
}

/** The explained score of a suggestion in the API shape (`via` only where the engine named one). */
export function toScore(s: MatchSuggestion): TMatchScore {
  return {
    score: s.score,
    factors: s.factors.map(
      (f): TMatchFactor => ({
        key: f.key,
        raw: f.raw,
        value: f.value,
        weight: f.weight,
        contribution: f.contribution,
        reason: f.reason,
        ...(f.via !== undefined && { via: f.via }),
      }),
    ),
    flags: [...s.flags],
  };
}

/** The distance of a suggestion, km: the raw input of its distance factor (null when unknown). */
export function distanceOf(s: MatchSuggestion): number | null {
  const raw = s.factors.find((f) => f.key === 'distance')?.raw;
  return typeof raw === 'number' ? raw : null;
}

/** Position of each client id in a model's client table. */
const clientIndexOf = new WeakMap<MatchModel, Map<string, number>>();

/** The table index of a client in a model, or -1. */
export function clientIndex(m: MatchModel, id: string): number {
  let map = clientIndexOf.get(m);
  if (!map) {
    map = new Map(m.clients.ids.map((x, i) => [x, i]));
    clientIndexOf.set(m, map);
  }
  return map.get(id) ?? -1;
}

/**
 * The client's unknown inputs that weigh on every suggestion (what the counsellor could record): postcode,
 * occupational wish or interest, German level, school, availability window, wanted kinds, and a default
 * mobility radius.
 */
export function clientNotes(m: MatchModel, c: MatchClient): TMatchReasonCode[] {
  const notes: TMatchReasonCode[] = [];
  if (c.lat === null || c.lon === null) notes.push('client_postcode_missing');
  const ci = clientIndex(m, c.id);
  const occ = ci >= 0 ? OCC_INFO[m.clients.occInfo[ci] as number] : undefined;
  if (occ && occ !== 'known') notes.push(occ);
  if (c.mobilityRadiusKm === null) notes.push('mobility_radius_default');
  if (c.germanLevel === null) notes.push('client_german_level_unknown');
  if (c.schoolQualification === null) notes.push('client_school_unknown');
  if (c.availableFrom === null && c.availableUntil === null) notes.push('client_availability_unknown');
  if (c.wantedKinds.length === 0) notes.push('no_kind_preference');
  return notes;
}

/** True when the engine has something to match the client on: a location or occupational information. */
export function hasMatchBasis(m: MatchModel, c: MatchClient): boolean {
  const ci = clientIndex(m, c.id);
  return (c.lat !== null && c.lon !== null) || (ci >= 0 && m.clients.occInfo[ci] === 0);
}

/** The place's unknown inputs: occupation (none or not in the list), postcode (neither its own nor the company's), start. */
export function placeNotes(m: MatchModel, p: MatchPlace): TMatchReasonCode[] {
  const notes: TMatchReasonCode[] = [];
  if (p.occupationId === null || !m.catalogue.indexOf.has(p.occupationId))
    notes.push('place_occupation_missing');
  if (p.lat === null || p.lon === null) notes.push('place_postcode_missing');
  if (p.startsOn === null) notes.push('place_start_missing');
  return notes;
}

/** Place summaries by id (inside `scope`). */
export async function placeSummaries(
  db: Executor,
  scope: OfficeScope,
  ids: readonly string[],
): Promise<Map<string, repo.PlaceSummaryRow>> {
  const rows = await repo.selectPlaceSummaries(db, scope, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Client summaries by id (inside `scope`). */
export async function clientSummaries(
  db: Executor,
  scope: OfficeScope,
  ids: readonly string[],
): Promise<Map<string, repo.ClientSummaryRow>> {
  const rows = await repo.selectClientSummaries(db, scope, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * A matching score (0..1) as the places module's candidate score (0–100, one decimal): what the places
 * candidates flow stores with `source: 'matching'` when a counsellor takes a suggestion over.
 */
export function candidateScore(score: number): number {
  return Math.round(score * 1000) / 10;
}
