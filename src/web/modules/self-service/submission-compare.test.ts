import { describe, expect, it } from 'vitest';
import type { TProfileSubmission } from '../../../contracts/self-service';
import { compareRows, defaultTicks } from './submission-compare';

const submission: TProfileSubmission = {
  id: '00000000-0000-4000-8000-000000000001',
  clientId: '00000000-0000-4000-8000-000000000002',
  linkId: '00000000-0000-4000-8000-000000000003',
  language: 'ar',
  state: 'pending',
  answers: {
    spokenName: 'Mina',
    phone: '0170 1',
    languages: [
      { code: 'ar', skill: 'native' },
      { code: 'en', skill: 'basic' },
    ],
    germanCanDo: ['a1_1', 'a1_2', 'a1_3'],
    wishedOccupationIds: ['friseur'],
    schoolYears: 9,
  },
  suggestedGermanLevel: 'A1',
  suggestedAvailableFrom: null,
  canDoTicked: { A1: 3 },
  canDoTotals: { A1: 4 },
  uploads: [],
  submittedAt: '2026-11-30T10:00:00.000Z',
  confirmedAt: null,
  confirmedByName: null,
  confirmedFields: [],
};

const record = {
  spokenName: null,
  phone: '0211 99',
  email: null,
  languages: [{ code: 'ar', level: null }],
  germanLevel: null,
  schoolQualification: null,
  schoolCountry: null,
  workExperience: null,
  wishedOccupationIds: [],
  interests: null,
  mobilityRadiusKm: null,
  drivingLicence: null,
  availableFrom: null,
};

describe('submission compare', () => {
  it('marks what was answered, what the record lacks and what is the same', () => {
    const rows = Object.fromEntries(compareRows(submission, record).map((r) => [r.field, r]));
    expect(rows.spokenName).toMatchObject({
      takeable: true,
      hasAnswer: true,
      recordEmpty: true,
      same: false,
    });
    expect(rows.email).toMatchObject({ takeable: false, hasAnswer: false });
    expect(rows.languages).toMatchObject({ takeable: true, same: false });
    expect(rows.schoolYears).toMatchObject({ takeable: false, hasAnswer: true });
    expect(rows.uploads).toMatchObject({ hasAnswer: false });
    expect(rows.availability).toMatchObject({ takeable: false, hasAnswer: false });
  });

  it('offers the start day for the availability window when the answer gives one', () => {
    const now = {
      ...submission,
      answers: { ...submission.answers, availability: 'now' as const },
      suggestedAvailableFrom: '2026-11-30',
    };
    const rows = Object.fromEntries(compareRows(now, record).map((r) => [r.field, r]));
    expect(rows.availability).toMatchObject({
      takeable: true,
      hasAnswer: true,
      recordEmpty: true,
      same: false,
    });
    expect(defaultTicks(compareRows(now, record), [])).toContain('availability');
    const same = compareRows(now, { ...record, availableFrom: '2026-11-30' });
    expect(same.find((r) => r.field === 'availability')).toMatchObject({ recordEmpty: false, same: true });
    const unsure = { ...submission, answers: { ...submission.answers, availability: 'unknown' as const } };
    const info = compareRows(unsure, record).find((r) => r.field === 'availability');
    expect(info).toMatchObject({ takeable: false, hasAnswer: true });
  });

  it('ticks answers that fill empty fields or add languages and occupations, not replacements', () => {
    const ticks = defaultTicks(compareRows(submission, record), []);
    expect(ticks.sort()).toEqual(['germanLevel', 'languages', 'spokenName', 'wishedOccupationIds']);
    expect(defaultTicks(compareRows(submission, record), ['spokenName', 'languages']).sort()).toEqual([
      'germanLevel',
      'wishedOccupationIds',
    ]);
  });

  it('does not tick what the record already holds', () => {
    const full = {
      ...record,
      spokenName: 'Mina',
      languages: [
        { code: 'ar', level: null },
        { code: 'en', level: 'B1' as const },
      ],
      germanLevel: 'A1' as const,
      wishedOccupationIds: ['friseur', 'koch'],
    };
    expect(defaultTicks(compareRows(submission, full), [])).toEqual([]);
  });
});
