import { describe, expect, it } from 'vitest';
import {
  ageGroup,
  ageOn,
  citizenshipGroup,
  iscedLevel,
  programmeFields,
  ruralResidence,
} from './clients.programme';

describe('programme fields', () => {
  it('counts whole years, the birthday on its day', () => {
    expect(ageOn('2008-12-01', '2026-11-30')).toBe(17);
    expect(ageOn('2008-11-30', '2026-11-30')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
  });

  it('derives the age group at entry: under 18, 18–29, 30 and older', () => {
    expect(ageGroup('2010-01-01', '2026-11-30')).toBe('under_18');
    expect(ageGroup('2008-11-30', '2026-11-30')).toBe('18_29');
    expect(ageGroup('1996-12-01', '2026-11-30')).toBe('18_29');
    expect(ageGroup('1996-11-30', '2026-11-30')).toBe('30_plus');
    expect(ageGroup(null, '2026-11-30')).toBeNull();
  });

  it('maps school qualifications to ISCED 2011 levels; foreign ones only when recognised', () => {
    const german = (q: string) =>
      iscedLevel({ schoolQualification: q, schoolForeign: false, schoolRecognition: null });
    expect(['none', 'esa', 'msa', 'fachhochschulreife', 'abitur'].map(german)).toEqual([1, 2, 2, 3, 3]);
    expect(
      iscedLevel({ schoolQualification: 'abitur', schoolForeign: true, schoolRecognition: 'applied' }),
    ).toBeNull();
    expect(
      iscedLevel({ schoolQualification: 'abitur', schoolForeign: true, schoolRecognition: 'recognised' }),
    ).toBe(3);
    expect(
      iscedLevel({ schoolQualification: null, schoolForeign: null, schoolRecognition: null }),
    ).toBeNull();
  });

  it('groups citizenship: DE german, EU-27 eu, others third country', () => {
    expect(['DE', 'PL', 'GR', 'SY', 'GB', 'UA', 'TR'].map(citizenshipGroup)).toEqual([
      'german',
      'eu',
      'eu',
      'third_country',
      'third_country',
      'third_country',
      'third_country',
    ]);
    expect(citizenshipGroup(null)).toBeNull();
  });

  it('counts a Kreis below 150 inhabitants per km² as rural', () => {
    expect(ruralResidence(133)).toBe(true);
    expect(ruralResidence(150)).toBe(false);
    expect(ruralResidence(2849)).toBe(false);
    expect(ruralResidence(null)).toBeNull();
  });

  it('derives all four at once', () => {
    expect(
      programmeFields({
        dateOfBirth: '2009-06-01',
        entryOn: '2026-11-30',
        schoolQualification: 'esa',
        schoolForeign: false,
        schoolRecognition: null,
        citizenship: 'AF',
        kreisDensityPerKm2: 133,
      }),
    ).toEqual({
      ageGroupAtEntry: 'under_18',
      iscedLevel: 2,
      citizenshipGroup: 'third_country',
      ruralResidence: true,
    });
  });
});
