import type { TPlaceKind } from '../../../../contracts/companies.enums';
import { KINDS } from './matching.codes';
import { kmToChord2 } from './matching.geo';
import type { OccupationCatalogue } from './matching.occupations';
import type { ClientFilters, PlaceFilters } from './matching.types';

/** Slack of every pruning test: covers rounding differences between a bound and the score it bounds. */
export const PRUNE_SLACK = 1e-9;

/**
 * A bounded best-k list ordered by score (descending), ties by rank (ascending: the smaller id first),
 * so every search that offers the same pairs ends with the same list whatever the offering order.
 */
export class TopK {
  readonly k: number;
  n = 0;
  /** Scores below this cannot enter (−∞ until the list is full): a cheap pre-check before `offer`. */
  floor = Number.NEGATIVE_INFINITY;
  readonly score: Float64Array;
  readonly rank: Int32Array;
  readonly item: Int32Array;

  constructor(k: number) {
    this.k = k;
    this.score = new Float64Array(k);
    this.rank = new Int32Array(k);
    this.item = new Int32Array(k);
    this.reset();
  }

  /** Empties the list. */
  reset(): void {
    this.n = 0;
    this.floor = this.k === 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  }

  /**
   * True when the list is full and `bound` cannot beat its last entry (any pair scoring ≤ bound would lose).
   * Hot paths write it inline as `bound + PRUNE_SLACK < top.floor` (the same test for k > 0: `floor` is the
   * last entry once the list is full, −∞ before), so no double is boxed for a call that is not inlined.
   */
  prunes(bound: number): boolean {
    return this.n === this.k && bound + PRUNE_SLACK < (this.score[this.k - 1] as number);
  }

  /** Offers a scored item; kept when it beats the last entry (or the list is not full). */
  offer(score: number, rank: number, item: number): void {
    const { k } = this;
    if (k === 0) return;
    let j: number;
    if (this.n === k) {
      const last = this.score[k - 1] as number;
      if (score < last || (score === last && rank > (this.rank[k - 1] as number))) return;
      j = k - 1;
    } else j = this.n++;
    while (j > 0) {
      const s = this.score[j - 1] as number;
      if (s > score || (s === score && (this.rank[j - 1] as number) < rank)) break;
      this.score[j] = s;
      this.rank[j] = this.rank[j - 1] as number;
      this.item[j] = this.item[j - 1] as number;
      j--;
    }
    this.score[j] = score;
    this.rank[j] = rank;
    this.item[j] = item;
    if (this.n === k) this.floor = this.score[k - 1] as number;
  }
}

/** Place filters in table form. */
export interface CompiledPlaceFilters {
  /** Bit mask of allowed kinds (all four bits when not filtered). */
  kindMask: number;
  /** Allowed occupation indices (1 = allowed), null = all; places without occupation fail a set filter. */
  occAllowed: Uint8Array | null;
  maxKm: number;
  maxChord2: number;
  minScore: number;
  withoutFlags: boolean;
  /** No kind, occupation or flag filter: the per-place filter check can be skipped. */
  trivial: boolean;
}

/**
 * A distance filter keeps what shows as at most its km: distances are shown to 0.1 km (the explanation's
 * `raw`), so a place 5.04 km away shows "5 km" and passes "at most 5 km". Half a step, minus a hair so
 * that 5.05 (shown as 5.1) stays out.
 */
export const SHOWN_KM_SLACK = 0.05 - 1e-9;

/** km of a distance filter (≥ 0, with {@link SHOWN_KM_SLACK}), or ∞ when not given or negative. */
function filterKm(km: number | undefined): number {
  return km !== undefined && km >= 0 ? km + SHOWN_KM_SLACK : Infinity;
}

/** Compiles place filters; unknown occupation ids in `occupationIds` match nothing. */
export function compilePlaceFilters(cat: OccupationCatalogue, f: PlaceFilters = {}): CompiledPlaceFilters {
  let kindMask = 0b1111;
  if (f.kinds) {
    kindMask = 0;
    for (const k of f.kinds as readonly TPlaceKind[]) {
      const b = KINDS.indexOf(k);
      if (b >= 0) kindMask |= 1 << b;
    }
  }
  let occAllowed: Uint8Array | null = null;
  if (f.occupationIds) {
    occAllowed = new Uint8Array(cat.ids.length);
    for (const id of f.occupationIds) {
      const o = cat.indexOf.get(id);
      if (o !== undefined) occAllowed[o] = 1;
    }
  }
  const maxKm = filterKm(f.maxDistanceKm);
  return {
    kindMask,
    occAllowed,
    maxKm,
    maxChord2: maxKm === Infinity ? Infinity : kmToChord2(maxKm),
    minScore: f.minScore ?? 0,
    withoutFlags: f.withoutFlags ?? false,
    trivial: kindMask === 0b1111 && occAllowed === null && !f.withoutFlags,
  };
}

/** Client filters in table form. */
export interface CompiledClientFilters {
  maxKm: number;
  maxChord2: number;
  minScore: number;
  withoutFlags: boolean;
}

/** Compiles client filters. */
export function compileClientFilters(f: ClientFilters = {}): CompiledClientFilters {
  const maxKm = filterKm(f.maxDistanceKm);
  return {
    maxKm,
    maxChord2: maxKm === Infinity ? Infinity : kmToChord2(maxKm),
    minScore: f.minScore ?? 0,
    withoutFlags: f.withoutFlags ?? false,
  };
}
