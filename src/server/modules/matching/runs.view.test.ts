import { describe, expect, it } from 'vitest';
import type { PartRow } from './runs.repository';
import { partStats } from './runs.view';

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
