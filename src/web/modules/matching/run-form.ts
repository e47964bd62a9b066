import { ZPlaceKind } from '../../../contracts/companies.enums';
import type { TMatchDirection, TMatchRunFilters, TMatchRunScope } from '../../../contracts/matching';
import { scorePercent } from './factor-text';
import { parseMaxKm } from './suggestion-filters';

/** Values of "Neuen Lauf starten" as the inputs hold them. */
export type TRunFormValues = {
  /** `region` only for coordinators (the form offers it to them). */
  scope: TMatchRunScope;
  direction: TMatchDirection;
  /** Results per client / place, as typed (1–50). */
  k: string;
  kind: string;
  maxKm: string;
  /** Minimum score in percent, as typed ('' = none). */
  minPercent: string;
  withoutFlags: boolean;
};

/** The form's start values: best ten places per client, no filters. */
export const RUN_FORM_DEFAULTS: TRunFormValues = {
  scope: 'office',
  direction: 'places',
  k: '10',
  kind: '',
  maxKm: '',
  minPercent: '',
  withoutFlags: false,
};

const whole = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

/** Errors by field as i18n keys of `matching.runs.errors`: k 1–50, distance 1–1000 km, score 0–100 %. */
export function runFormErrors(values: TRunFormValues): Partial<Record<keyof TRunFormValues, string>> {
  const errors: Partial<Record<keyof TRunFormValues, string>> = {};
  const k = whole(values.k);
  if (k === null || k < 1 || k > 50) errors.k = 'k';
  if (parseMaxKm(values.maxKm) === 'invalid') errors.maxKm = 'maxKm';
  if (values.minPercent.trim()) {
    const p = whole(values.minPercent);
    if (p === null || p > 100) errors.minPercent = 'minPercent';
  }
  return errors;
}

/** Body of `POST /api/matching/runs` from valid values. */
export function runFormBody(values: TRunFormValues): {
  scope: TMatchRunScope;
  k: number;
  direction: TMatchDirection;
  filters: TMatchRunFilters;
} {
  const filters: TMatchRunFilters = {};
  const kind = ZPlaceKind.safeParse(values.kind);
  if (kind.success) filters.kinds = [kind.data];
  const km = parseMaxKm(values.maxKm);
  if (typeof km === 'number') filters.maxKm = km;
  const p = whole(values.minPercent);
  if (values.minPercent.trim() && p !== null) filters.minScore = p / 100;
  if (values.withoutFlags) filters.withoutFlags = true;
  return { scope: values.scope, k: whole(values.k) ?? 10, direction: values.direction, filters };
}

/** Duration of a run in seconds (one decimal), or null while it has not finished. */
export function runSeconds(run: { startedAt: string | null; finishedAt: string | null }): number | null {
  if (!run.startedAt || !run.finishedAt) return null;
  const ms = new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime();
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms / 100) / 10) : null;
}

/**
 * True when the office holds no cases of its own because it steers offices below it (a Landesstelle: some
 * office has it as parent). An office run there finds nobody, so the runs page suggests a region run and
 * starts the form with it.
 */
export function isSteeringOffice(
  offices: ReadonlyArray<{ id: string; parentId: string | null }>,
  officeId: string,
): boolean {
  return offices.some((o) => o.parentId === officeId);
}

/** True when a finished office run had neither people nor places (e.g. started at a Landesstelle). */
export function isEmptyRun(run: {
  scope: TMatchRunScope;
  status: string;
  counts: { clients: number | null; places: number };
}): boolean {
  return (
    run.scope === 'office' && run.status === 'done' && run.counts.clients === 0 && run.counts.places === 0
  );
}

/**
 * A run's data stamp as a short code for people ("3fa2 91c0"): 32-bit FNV-1a of the stamp's text (Fowler,
 * Noll, Vo; public domain), in hex. Two runs on the same data show the same code; the full stamp (counts,
 * version sums, times) means nothing to a counsellor. Different data could share a code (1 in 4 billion).
 */
export function stampCode(stamp: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < stamp.length; i++) h = Math.imul(h ^ stamp.charCodeAt(i), 0x01000193);
  const hex = (h >>> 0).toString(16).padStart(8, '0');
  return `${hex.slice(0, 4)} ${hex.slice(4)}`;
}

/**
 * A run's filters in words ("Ausbildung · höchstens 25 km · Passung ab 40 %"), or "keine": for the run page
 * and the list of runs (a filtered run must not look like an unfiltered one). Kinds named twice once.
 */
export function runFiltersText(
  f: TMatchRunFilters,
  t: (key: string, options?: Record<string, unknown>) => string,
  format: { distanceKmExact: (km: number) => string },
): string {
  return (
    [
      f.kinds?.length ? [...new Set(f.kinds)].map((k) => t(`places.kind.${k}`)).join(', ') : null,
      f.maxKm ? t('matching.runs.maxKmUsed', { km: format.distanceKmExact(f.maxKm) }) : null,
      f.minScore !== undefined
        ? t('matching.runs.minScoreUsed', { percent: scorePercent(f.minScore) })
        : null,
      f.withoutFlags ? t('matching.filters.withoutFlags') : null,
    ]
      .filter(Boolean)
      .join(' · ') || t('matching.runs.noFilters')
  );
}
