import { describe, expect, it } from 'vitest';
import type { PartRow, RunRow } from './runs.repository';
import { partStats, toRun } from './runs.view';

/** A finished part with `clients` in the model and `withSuggestions` of them on a list. */
const part = (clients: number, withSuggestions: number, status = 'done'): PartRow => ({
  id: '00000000-0000-4000-8000-000000000001',
  office_id: '00000000-0000-4000-8000-000000000002',
  office_name: 'Servicestelle',
  status,
  config_version: 1,
  client_count: clients,
  place_count: 3,
  progress_done: 0,
  progress_total: 0,
  result_count: 0,
  clients_with: withSuggestions,
  places_with: 2,
});

describe('partStats: counts of an office below withhold small numbers of persons (cells below 5)', () => {
  it('shows counts of 5 and more, and zero', () => {
    expect(partStats(part(12, 7), 'both', false)).toEqual({
      clients: 12,
      clientsWithSuggestions: 7,
      places: 3,
      placesWithCandidates: 2,
    });
    expect(partStats(part(0, 0), 'places', false)).toMatchObject({ clients: 0, clientsWithSuggestions: 0 });
  });

  it('withholds 1–4 clients, 1–4 with suggestions, and 1–4 without (known by difference)', () => {
    expect(partStats(part(4, 4), 'places', false)).toMatchObject({
      clients: null,
      clientsWithSuggestions: null,
    });
    expect(partStats(part(9, 3), 'places', false)).toMatchObject({
      clients: 9,
      clientsWithSuggestions: null,
    });
    expect(partStats(part(9, 6), 'places', false)).toMatchObject({
      clients: 9,
      clientsWithSuggestions: null,
    });
    expect(partStats(part(10, 5), 'places', false)).toMatchObject({ clients: 10, clientsWithSuggestions: 5 });
    expect(partStats(part(9, 9), 'places', false)).toMatchObject({ clients: 9, clientsWithSuggestions: 9 });
  });

  it('shows the own office its exact counts', () => {
    expect(partStats(part(3, 2), 'places', true)).toMatchObject({ clients: 3, clientsWithSuggestions: 2 });
  });

  it('has no list counts a direction did not make, and none before the part is done', () => {
    expect(partStats(part(12, 0), 'clients', false)).toMatchObject({
      clientsWithSuggestions: null,
      placesWithCandidates: 2,
    });
    expect(partStats(part(12, 7), 'places', false)).toMatchObject({ placesWithCandidates: null });
    expect(partStats(part(12, 7, 'running'), 'both', false)).toBeNull();
  });
});

describe('toRun: a region run as another office sees it', () => {
  const OWN = '00000000-0000-4000-8000-00000000000a';
  const BELOW = '00000000-0000-4000-8000-000000000002';
  const region = {
    id: '00000000-0000-4000-8000-0000000000ff',
    office_id: OWN,
    scope: 'region',
    parent_id: null,
    parent_office_name: null,
    k: 1,
    direction: 'places',
    filters: {},
    config: { weights: { occupation: 35, distance: 20, language: 15, school: 10, start: 10, kind: 10 } },
    config_version: 1,
    data_stamp: null,
    status: 'done',
    progress_done: 250,
    progress_total: 250,
    client_count: 240,
    place_count: 30,
    result_count: 200,
    error_code: null,
    created_by_name: 'Kora Koordination',
    created_at: new Date('2026-11-30T10:00:00Z'),
    started_at: new Date('2026-11-30T10:00:01Z'),
    finished_at: new Date('2026-11-30T10:00:02Z'),
  } as unknown as RunRow;
  const parts = [
    { ...part(0, 0), office_id: OWN, office_name: 'Landesstelle' },
    { ...part(240, 200), office_id: BELOW, office_name: 'Servicestelle' },
  ];

  it('shows a coordinator the counts of the offices below, and the sums; progress in percent', () => {
    const run = toRun(region, OWN, parts, true);
    expect(run.parts?.find((p) => p.officeId === BELOW)?.stats).toMatchObject({ clients: 240 });
    expect(run.counts).toEqual({ clients: 240, places: 30, results: 200 });
    expect(run.progress).toEqual({ done: 100, total: 100, percent: 100 });
  });

  it('shows another role of that office no counts of the offices below, nor the sums of people', () => {
    const run = toRun(region, OWN, parts, false);
    expect(run.parts?.find((p) => p.officeId === BELOW)?.stats).toBeNull();
    expect(run.parts?.find((p) => p.officeId === OWN)?.stats).toMatchObject({ clients: 0 });
    expect(run.counts).toEqual({ clients: null, places: 30, results: null });
  });
});
