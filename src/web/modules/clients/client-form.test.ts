import { describe, expect, it } from 'vitest';
import type { TClient } from '../../../contracts/clients';
import {
  ageOn,
  availabilityProblem,
  changedClientFields,
  clientToForm,
  duplicateCheckInput,
  emptyClientForm,
  formToClientFields,
  invalidClientFields,
  minimalClientFields,
  needsGuardianConsent,
  problemFieldPath,
  sortPlaceKinds,
} from './client-form';

describe('formToClientFields', () => {
  it('trims texts, sends empty fields as null and drops language rows without a language', () => {
    const fields = formToClientFields({
      ...emptyClientForm(),
      givenNames: '  Mohammad ',
      familyName: 'Al-Hassan',
      spokenName: ' ',
      email: '',
      languages: [
        { code: 'ar', level: 'C2' },
        { code: '', level: 'B1' },
        { code: 'en', level: '' },
      ],
      mobilityRadiusKm: '25',
      drivingLicence: 'no',
    });
    expect(fields.givenNames).toBe('Mohammad');
    expect(fields.spokenName).toBeNull();
    expect(fields.email).toBeNull();
    expect(fields.languages).toEqual([
      { code: 'ar', level: 'C2' },
      { code: 'en', level: null },
    ]);
    expect(fields.mobilityRadiusKm).toBe(25);
    expect(fields.drivingLicence).toBe(false);
    expect(fields.foreignBackground).toBeNull();
  });

  it('sends the school country and recognition only for a foreign qualification', () => {
    const base = {
      ...emptyClientForm(),
      givenNames: 'A',
      familyName: 'B',
      schoolCountry: 'SY',
      schoolRecognition: 'applied',
    };
    expect(formToClientFields({ ...base, schoolForeign: 'no' }).schoolCountry).toBeNull();
    const foreign = formToClientFields({ ...base, schoolForeign: 'yes' });
    expect(foreign.schoolCountry).toBe('SY');
    expect(foreign.schoolRecognition).toBe('applied');
  });

  it('passes a radius that is no number on, so the server names the field', () => {
    const fields = formToClientFields({ ...emptyClientForm(), mobilityRadiusKm: 'weit' });
    expect(Number.isNaN(fields.mobilityRadiusKm)).toBe(true);
  });
});

describe('changedClientFields', () => {
  it('lists only what differs, lists compared by content', () => {
    const before = formToClientFields({
      ...emptyClientForm(),
      givenNames: 'A',
      familyName: 'B',
      languages: [{ code: 'ar', level: 'B1' }],
    });
    const after = {
      ...before,
      phone: '0211 123',
      languages: [{ code: 'ar' as const, level: 'B1' as const }],
    };
    expect(changedClientFields(before, after)).toEqual({ phone: '0211 123' });
    expect(changedClientFields(before, before)).toEqual({});
  });
});

describe('ageOn and guardian consent', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('2010-06-15', '2026-06-14')).toBe(15);
    expect(ageOn('2010-06-15', '2026-06-15')).toBe(16);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn(null, '2026-03-01')).toBeNull();
  });

  it('asks for the guardian under 16 only', () => {
    expect(needsGuardianConsent('2011-01-01', '2026-11-30')).toBe(true);
    expect(needsGuardianConsent('2010-11-30', '2026-11-30')).toBe(false);
    expect(needsGuardianConsent('', '2026-11-30')).toBe(false);
  });
});

describe('problemFieldPath', () => {
  it('strips the request part and the intake wrapper', () => {
    expect(problemFieldPath('body.email')).toBe('email');
    expect(problemFieldPath('body.languages.0.level')).toBe('languages.0.level');
    expect(problemFieldPath('body.client.dateOfBirth')).toBe('dateOfBirth');
    expect(problemFieldPath('query.minAge')).toBe('minAge');
  });
});

describe('duplicateCheckInput', () => {
  it('is ready only with both names and a complete birth date', () => {
    expect(duplicateCheckInput({ givenNames: 'Yusuf', familyName: 'Ahmadi', dateOfBirth: '' })).toBeNull();
    expect(
      duplicateCheckInput({ givenNames: ' ', familyName: 'Ahmadi', dateOfBirth: '2008-01-02' }),
    ).toBeNull();
    expect(
      duplicateCheckInput({ givenNames: ' Yusuf ', familyName: 'Ahmadi', dateOfBirth: '2008-01-02' }),
    ).toEqual({
      givenNames: 'Yusuf',
      familyName: 'Ahmadi',
      dateOfBirth: '2008-01-02',
    });
  });
});

describe('invalidClientFields', () => {
  it('names malformed fields by their form path', () => {
    const fields = formToClientFields({
      ...emptyClientForm(),
      givenNames: 'Yusuf',
      familyName: 'Ahmadi',
      email: 'kein-mail',
      postcode: '1067',
      languages: [{ code: 'ar', level: 'D1' }],
      mobilityRadiusKm: '2000',
    });
    expect(invalidClientFields(fields).sort()).toEqual([
      'email',
      'languages.0.level',
      'mobilityRadiusKm',
      'postcode',
    ]);
  });

  it('accepts a complete, valid record', () => {
    const fields = formToClientFields({
      ...emptyClientForm(),
      givenNames: 'Yusuf',
      familyName: 'Ahmadi',
      dateOfBirth: '2007-04-01',
      email: 'yusuf@example.org',
      postcode: '40210',
      germanLevel: 'B1',
      countryOfOrigin: 'AF',
    });
    expect(invalidClientFields(fields)).toEqual([]);
    expect(minimalClientFields(fields)).toEqual({
      givenNames: 'Yusuf',
      familyName: 'Ahmadi',
      dateOfBirth: '2007-04-01',
    });
  });
});

describe('availability and wanted kinds of place', () => {
  const client = {
    givenNames: 'Yasmin',
    familyName: 'Rahimi',
    languages: [],
    wishedOccupationIds: ['friseur'],
    mobilityRadiusKm: null,
    availableFrom: '2027-07-01',
    availableUntil: null,
    wantedPlaceKinds: ['taster_day', 'apprenticeship'],
  } as unknown as TClient;

  it('reads them from the client: open end as empty, kinds in the order of the list', () => {
    const values = clientToForm(client);
    expect(values.availableFrom).toBe('2027-07-01');
    expect(values.availableUntil).toBe('');
    expect(values.wantedPlaceKinds).toEqual(['apprenticeship', 'taster_day']);
  });

  it('sends empty days as null and the kinds once each, in enum order (empty = no preference)', () => {
    const base = { ...emptyClientForm(), givenNames: 'A', familyName: 'B' };
    expect(formToClientFields(base)).toMatchObject({
      availableFrom: null,
      availableUntil: null,
      wantedPlaceKinds: [],
    });
    const fields = formToClientFields({
      ...base,
      availableFrom: ' 2027-07-01 ',
      availableUntil: '2027-10-31',
      wantedPlaceKinds: ['entry_qualification', 'internship', 'entry_qualification'],
    });
    expect(fields.availableFrom).toBe('2027-07-01');
    expect(fields.availableUntil).toBe('2027-10-31');
    expect(fields.wantedPlaceKinds).toEqual(['internship', 'entry_qualification']);
    expect(invalidClientFields(fields)).toEqual([]);
  });

  it('counts a changed choice of kinds as a change, the same choice in another order not', () => {
    const before = formToClientFields(clientToForm(client));
    const same = formToClientFields({
      ...clientToForm(client),
      wantedPlaceKinds: ['taster_day', 'apprenticeship'],
    });
    expect(changedClientFields(before, same)).toEqual({});
    const fewer = formToClientFields({ ...clientToForm(client), wantedPlaceKinds: ['apprenticeship'] });
    expect(changedClientFields(before, fewer)).toEqual({ wantedPlaceKinds: ['apprenticeship'] });
    const until = formToClientFields({ ...clientToForm(client), availableUntil: '2027-12-31' });
    expect(changedClientFields(before, until)).toEqual({ availableUntil: '2027-12-31' });
  });

  it('flags an end before the start like the server (until_before_from), nothing else', () => {
    const at = (availableFrom: string, availableUntil: string) =>
      availabilityProblem({ availableFrom, availableUntil });
    expect(at('2027-08-01', '2027-07-31')).toBe('until_before_from');
    expect(at('2027-08-01', '2027-08-01')).toBeNull();
    expect(at('2027-08-01', '2028-01-01')).toBeNull();
    expect(at('', '2027-07-31')).toBeNull();
    expect(at('2027-08-01', '')).toBeNull();
    expect(at('2027-08', '2027-07-31')).toBeNull();
  });

  it('sortPlaceKinds drops repeats and keeps the enum order', () => {
    expect(sortPlaceKinds(['taster_day', 'internship', 'taster_day'])).toEqual(['internship', 'taster_day']);
    expect(sortPlaceKinds([])).toEqual([]);
  });
});
