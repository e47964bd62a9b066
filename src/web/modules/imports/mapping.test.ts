import { describe, expect, it } from 'vitest';
import {
  assignColumn,
  initialMapping,
  mappingToRequest,
  missingRequired,
  sameMapping,
  sampleValues,
  unusedHeaders,
} from './mapping';

const fields = [
  { field: 'companyName', required: true },
  { field: 'occupation', required: false },
  { field: 'seats', required: false },
  { field: 'postcode', required: false },
];
const job = {
  fields,
  headers: ['Firma', 'Beruf', 'Plätze', 'PLZ', 'Bemerkung'],
  mapping: null,
  suggestedMapping: { companyName: 'Firma', occupation: 'Beruf', postcode: 'PLZ' },
  sampleRows: [
    ['Bäckerei Kaya', 'Bäcker/-in', '2', '40210', ''],
    ['Bäckerei Kaya', 'Koch/Köchin', '', '40211', 'x'],
    ['Malerbetrieb Nowak', 'Bäcker/-in', '1', '40210', ''],
  ],
};

describe('column mapping', () => {
  it('starts from the server suggestion, every field keyed, unmapped ones empty', () => {
    expect(initialMapping(job)).toEqual({
      companyName: 'Firma',
      occupation: 'Beruf',
      seats: '',
      postcode: 'PLZ',
    });
  });

  it('prefers the mapping of the last dry run and drops headers the file does not have', () => {
    const state = initialMapping({
      ...job,
      mapping: { companyName: 'Firma', seats: 'Plätze', postcode: 'Postleitzahl' },
    });
    expect(state).toEqual({ companyName: 'Firma', occupation: '', seats: 'Plätze', postcode: '' });
  });

  it('assigns and unassigns a column without touching the other fields', () => {
    const state = initialMapping(job);
    const next = assignColumn(state, 'seats', 'Plätze');
    expect(next.seats).toBe('Plätze');
    expect(state.seats).toBe('');
    expect(assignColumn(next, 'companyName', '').companyName).toBe('');
  });

  it('names the required fields without a column', () => {
    expect(missingRequired(fields, initialMapping(job))).toEqual([]);
    expect(missingRequired(fields, assignColumn(initialMapping(job), 'companyName', ''))).toEqual([
      'companyName',
    ]);
  });

  it('lists the columns no field uses', () => {
    expect(unusedHeaders(job.headers, initialMapping(job))).toEqual(['Plätze', 'Bemerkung']);
  });

  it('sends only mapped fields and compares mappings by what they send', () => {
    const state = initialMapping(job);
    expect(mappingToRequest(state)).toEqual({ companyName: 'Firma', occupation: 'Beruf', postcode: 'PLZ' });
    expect(sameMapping(state, { ...state, seats: '' })).toBe(true);
    expect(sameMapping(state, assignColumn(state, 'seats', 'Plätze'))).toBe(false);
  });

  it('shows distinct non-empty sample values of a column', () => {
    expect(sampleValues(job, 'Beruf')).toEqual(['Bäcker/-in', 'Koch/Köchin']);
    expect(sampleValues(job, 'Plätze')).toEqual(['2', '1']);
    expect(sampleValues(job, 'Firma', 1)).toEqual(['Bäckerei Kaya']);
    expect(sampleValues(job, 'Gibt es nicht')).toEqual([]);
  });
});
