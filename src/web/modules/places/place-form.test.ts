import { describe, expect, it } from 'vitest';
import { type TPlace, ZCreatePlace, ZUpdatePlace } from '../../../contracts/places';
import { ApiError } from '../../lib/api';
import {
  checkPlaceForm,
  emptyPlaceForm,
  formToCreate,
  formToUpdate,
  linesToList,
  listToLines,
  needsOccupation,
  occupationSuggestions,
  placeToForm,
  problemFieldPath,
} from './place-form';

const COMPANY = '6f1c2a52-94c4-4a7d-9a3f-2f4b8d1e0c11';
const PERSON = '0d6a6a2e-1f55-4a1b-8c4e-6f3a2b9c7d10';

const PLACE: TPlace = {
  id: '3b8e0f4a-2c1d-4e5f-9a6b-7c8d9e0f1a2b',
  officeId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  companyId: COMPANY,
  companyName: 'Friseursalon Aydın',
  kind: 'apprenticeship',
  occupationId: 'friseur',
  occupationName: 'Friseur/-in',
  title: null,
  description: 'Schneiden, Färben, Beraten',
  seats: 2,
  startsOn: '2027-08-01',
  durationMonths: 36,
  postcode: '40227',
  place: 'Düsseldorf',
  street: null,
  minSchoolQualification: 'esa',
  minGermanLevel: 'B1',
  drivingLicenceRequired: false,
  languageSupport: true,
  contactPersonId: PERSON,
  contactPersonName: 'Elif Aydın',
  status: 'open',
  published: true,
  source: 'manual',
  externalRef: null,
  candidateCount: 0,
  createdAt: '2026-11-30T09:00:00.000Z',
  updatedAt: '2026-11-30T09:00:00.000Z',
  version: 3,
};

describe('place form', () => {
  it('a new place of a company takes its address, one open seat, unpublished', () => {
    const values = emptyPlaceForm({ companyId: COMPANY, postcode: '40227', place: 'Düsseldorf' });
    expect(values).toMatchObject({
      companyId: COMPANY,
      kind: 'apprenticeship',
      seats: '1',
      postcode: '40227',
      place: 'Düsseldorf',
      status: 'open',
      published: false,
    });
  });

  it('becomes a create body the contract accepts, leaving empty fields to the server defaults', () => {
    const body = formToCreate({
      ...emptyPlaceForm({ companyId: COMPANY, postcode: null, place: null }),
      occupationId: 'friseur',
      seats: ' 2 ',
      startsOn: '2027-08-01',
      minGermanLevel: 'B1',
      languageSupport: true,
    });
    expect(body).toEqual({
      companyId: COMPANY,
      kind: 'apprenticeship',
      occupationId: 'friseur',
      seats: 2,
      startsOn: '2027-08-01',
      minGermanLevel: 'B1',
      drivingLicenceRequired: false,
      languageSupport: true,
      status: 'open',
      published: false,
    });
    expect(body).not.toHaveProperty('durationMonths');
    expect(body).not.toHaveProperty('postcode');
    expect(ZCreatePlace.safeParse(body).success).toBe(true);
  });

  it('round-trips a stored place through the form without changes', () => {
    const values = placeToForm(PLACE);
    expect(values.seats).toBe('2');
    expect(values.durationMonths).toBe('36');
    expect(values.street).toBe('');
    expect(formToUpdate(values, { ...values }, PLACE.version)).toBeNull();
  });

  it('sends only changed fields with the version; cleared fields as null', () => {
    const before = placeToForm(PLACE);
    const body = formToUpdate(
      before,
      { ...before, seats: '3', description: '  ', contactPersonId: '', published: false },
      PLACE.version,
    );
    expect(body).toEqual({
      version: 3,
      seats: 3,
      description: null,
      contactPersonId: null,
      published: false,
    });
    expect(ZUpdatePlace.safeParse(body).success).toBe(true);
  });

  it('never sends the company (the update contract refuses it): a place stays with its company', () => {
    const before = placeToForm(PLACE);
    const body = formToUpdate(before, { ...before, companyId: PERSON, title: 'Neu' }, PLACE.version);
    expect(body).toEqual({ version: 3, title: 'Neu' });
    expect(ZUpdatePlace.safeParse(body).success).toBe(true);
    expect(ZUpdatePlace.safeParse({ ...body, companyId: COMPANY }).success).toBe(false);
  });

  it('a changed postcode goes without the town, so the server takes the postcode town', () => {
    const before = placeToForm(PLACE);
    expect(formToUpdate(before, { ...before, postcode: '58095' }, 3)).toEqual({
      version: 3,
      postcode: '58095',
    });
  });

  it('finds missing company and occupation, bad numbers and postcodes before sending', () => {
    const problems = checkPlaceForm({
      ...emptyPlaceForm(),
      kind: 'entry_qualification',
      seats: '0',
      durationMonths: 'zwölf',
      postcode: '4022',
    });
    expect(problems).toEqual({
      companyId: 'places.validation.company',
      occupationId: 'places.validation.occupation',
      seats: 'places.validation.seats',
      durationMonths: 'places.validation.duration',
      postcode: 'places.validation.postcode',
    });
    expect(
      checkPlaceForm({
        ...emptyPlaceForm({ companyId: COMPANY, postcode: null, place: null }),
        kind: 'internship',
      }),
    ).toEqual({});
  });

  it('needs an occupation for apprenticeships and EQ only', () => {
    expect(needsOccupation('apprenticeship')).toBe(true);
    expect(needsOccupation('entry_qualification')).toBe(true);
    expect(needsOccupation('internship')).toBe(false);
    expect(needsOccupation('taster_day')).toBe(false);
  });

  it('maps server field paths to form fields', () => {
    expect(problemFieldPath('body.occupationId')).toBe('occupationId');
    expect(problemFieldPath('query.near')).toBe('near');
  });

  it("reads the server's occupation suggestions from a 422 problem", () => {
    const error = new ApiError(422, 'place_invalid', {
      type: 'about:blank',
      title: 'Unprocessable',
      status: 422,
      code: 'place_invalid',
      errors: [
        {
          field: 'body.occupationId',
          code: 'unknown_occupation',
          message: 'Diesen Ausbildungsberuf gibt es nicht.',
        },
      ],
      suggestions: [{ id: 'friseur', name: 'Friseur/-in' }, { bad: true }],
    } as never);
    expect(occupationSuggestions(error)).toEqual([{ id: 'friseur', name: 'Friseur/-in' }]);
    expect(occupationSuggestions(new Error('x'))).toEqual([]);
  });
});

describe('requirement profile lists', () => {
  it('one item per line: trimmed, bullets and empty lines dropped, duplicates once', () => {
    expect(linesToList('- Teamfähigkeit\n\n  • Pünktlichkeit \nteamfähigkeit\r\nFührerschein B')).toEqual([
      'Teamfähigkeit',
      'Pünktlichkeit',
      'Führerschein B',
    ]);
    expect(linesToList(listToLines(['a', 'b']))).toEqual(['a', 'b']);
  });
});
