import { describe, expect, it } from 'vitest';
import {
  isEmptyRun,
  isSteeringOffice,
  RUN_FORM_DEFAULTS,
  runFormBody,
  runFormErrors,
  runSeconds,
  stampCode,
} from './run-form';

describe('batch run form', () => {
  it('defaults: the best ten places per client over the office, no filters', () => {
    expect(runFormErrors(RUN_FORM_DEFAULTS)).toEqual({});
    expect(runFormBody(RUN_FORM_DEFAULTS)).toEqual({
      scope: 'office',
      k: 10,
      direction: 'places',
      filters: {},
    });
  });

  it('filters: one kind, distance, minimum fit in percent, without flags', () => {
    expect(
      runFormBody({
        scope: 'office',
        direction: 'both',
        k: '5',
        kind: 'entry_qualification',
        maxKm: '25,5',
        minPercent: '40',
        withoutFlags: true,
      }),
    ).toEqual({
      scope: 'office',
      k: 5,
      direction: 'both',
      filters: { kinds: ['entry_qualification'], maxKm: 25.5, minScore: 0.4, withoutFlags: true },
    });
  });

  it('a region run (the form offers it to coordinators)', () => {
    expect(runFormBody({ ...RUN_FORM_DEFAULTS, scope: 'region' })).toMatchObject({ scope: 'region', k: 10 });
  });

  it('refuses k outside 1–50, a bad distance and a fit above 100 %', () => {
    expect(runFormErrors({ ...RUN_FORM_DEFAULTS, k: '0', maxKm: 'weit', minPercent: '120' })).toEqual({
      k: 'k',
      maxKm: 'maxKm',
      minPercent: 'minPercent',
    });
    expect(runFormErrors({ ...RUN_FORM_DEFAULTS, k: '51' })).toEqual({ k: 'k' });
    expect(runFormErrors({ ...RUN_FORM_DEFAULTS, k: '2.5' })).toEqual({ k: 'k' });
  });

  it('how long a run took', () => {
    expect(
      runSeconds({ startedAt: '2026-11-30T10:00:00.000Z', finishedAt: '2026-11-30T10:00:02.345Z' }),
    ).toBe(2.3);
    expect(runSeconds({ startedAt: '2026-11-30T10:00:00.000Z', finishedAt: null })).toBeNull();
  });

  it('a steering office (Landesstelle, offices below it) holds no cases; an empty finished run is flagged', () => {
    const offices = [
      { id: 'nrw', parentId: null },
      { id: 'dus', parentId: 'nrw' },
    ];
    expect(isSteeringOffice(offices, 'nrw')).toBe(true);
    expect(isSteeringOffice(offices, 'dus')).toBe(false);
    const office = 'office' as const;
    expect(isEmptyRun({ scope: office, status: 'done', counts: { clients: 0, places: 0 } })).toBe(true);
    expect(isEmptyRun({ scope: office, status: 'running', counts: { clients: 0, places: 0 } })).toBe(false);
    expect(isEmptyRun({ scope: office, status: 'done', counts: { clients: 3, places: 0 } })).toBe(false);
    // A region run's people are in its parts (its own office may hold none).
    expect(isEmptyRun({ scope: 'region', status: 'done', counts: { clients: 0, places: 0 } })).toBe(false);
  });
});

describe('stamp code', () => {
  it('shows a data stamp as a short code, the same for the same stamp, different for another', () => {
    const stamp = '244:244:1796053892.668000|192:195:1796053892.1|48:48:1|12:0:1|abc';
    expect(stampCode(stamp)).toMatch(/^[0-9a-f]{4} [0-9a-f]{4}$/);
    expect(stampCode(stamp)).toBe(stampCode(`${stamp}`));
    expect(stampCode(stamp)).not.toBe(stampCode(stamp.replace('244:244', '244:245')));
    // FNV-1a reference values: "" → 811c9dc5, "a" → e40c292c.
    expect(stampCode('')).toBe('811c 9dc5');
    expect(stampCode('a')).toBe('e40c 292c');
  });
});
