import { describe, expect, it } from 'vitest';
import type { TCompany } from '../../../contracts/companies';
import { ApiError } from '../../lib/api';
import {
  changedCompanyFields,
  companyToForm,
  duplicatesOf,
  emptyCompanyForm,
  formToCompanyFields,
  parseTags,
  validateCompanyForm,
} from './company-form';

const stored: TCompany = {
  id: '00000000-0000-4000-8000-000000000001',
  officeId: '00000000-0000-4000-8000-000000000002',
  name: 'Friseursalon Aydın',
  legalForm: 'e. K.',
  sector: 'S',
  employees: 4,
  street: 'Ellerstraße 112',
  postcode: '40227',
  place: 'Düsseldorf',
  phone: null,
  email: null,
  website: null,
  chamber: 'hwk',
  ownerMigrationBackground: true,
  ownerLanguages: ['tr', 'de'],
  authorisedToTrain: 'yes',
  qualifiedTrainer: 'in_progress',
  trainingHistory: 'never',
  stage: 'advised',
  stageChangedOn: '2026-11-01',
  acquisitionChannel: 'referral',
  acquisitionReferredBy: 'Türkischer Unternehmerverein',
  acquisitionOn: '2026-10-01',
  ownerUserId: '00000000-0000-4000-8000-000000000003',
  ownerName: 'Clara Counsellor',
  tags: ['Handwerk', 'Erstausbildung'],
  notes: null,
  mergedIntoId: null,
  version: 3,
};

describe('company form', () => {
  it('maps a stored company to the form and back without changes', () => {
    const values = companyToForm(stored);
    expect(values.employees).toBe('4');
    expect(values.ownerMigrationBackground).toBe('yes');
    expect(values.tags).toBe('Handwerk, Erstausbildung');
    const fields = formToCompanyFields(values);
    const { id, officeId, stage, stageChangedOn, ownerName, mergedIntoId, version, ...rest } = stored;
    expect(fields).toEqual(rest);
    expect(changedCompanyFields(fields, fields)).toEqual({});
  });

  it('sends blanks as null, parses numbers and lists, presets the responsible counsellor', () => {
    const values = { ...emptyCompanyForm('me'), name: '  Bäckerei Yılmaz ', employees: ' 12 ' };
    values.ownerLanguages = ['tr', '', 'tr', 'ku'];
    values.ownerMigrationBackground = 'no';
    const fields = formToCompanyFields(values);
    expect(fields).toMatchObject({
      name: 'Bäckerei Yılmaz',
      employees: 12,
      legalForm: null,
      sector: null,
      ownerMigrationBackground: false,
      ownerLanguages: ['tr', 'ku'],
      ownerUserId: 'me',
      tags: [],
      acquisitionOn: null,
    });
  });

  it('drops "recommended by" when the channel is no recommendation', () => {
    const values = { ...companyToForm(stored), acquisitionChannel: 'cold_call' };
    const changes = changedCompanyFields(
      formToCompanyFields(companyToForm(stored)),
      formToCompanyFields(values),
    );
    expect(changes).toEqual({ acquisitionChannel: 'cold_call', acquisitionReferredBy: null });
  });

  it('finds only the changed fields, lists compared as a whole', () => {
    const before = formToCompanyFields(companyToForm(stored));
    const after = formToCompanyFields({ ...companyToForm(stored), tags: 'Handwerk', phone: '0211 1' });
    expect(changedCompanyFields(before, after)).toEqual({ tags: ['Handwerk'], phone: '0211 1' });
  });

  it('splits tags at commas and semicolons, once per spelling', () => {
    expect(parseTags(' Handwerk, handwerk;  Gastro   Küche ,, ')).toEqual(['Handwerk', 'Gastro Küche']);
  });

  it('validates before sending', () => {
    const today = '2026-11-30';
    expect(validateCompanyForm({ ...emptyCompanyForm(''), name: 'Ab' }, today)).toEqual({});
    expect(
      validateCompanyForm(
        {
          ...emptyCompanyForm(''),
          name: 'A',
          employees: 'viele',
          postcode: '4021',
          email: 'kein-at',
          acquisitionChannel: 'referral',
          acquisitionOn: '2026-12-01',
          tags: 'x'.repeat(41),
        },
        today,
      ),
    ).toEqual({
      name: 'companies.validation.name',
      employees: 'companies.validation.employees',
      postcode: 'companies.validation.postcode',
      email: 'companies.validation.email',
      acquisitionReferredBy: 'companies.validation.referredBy',
      acquisitionOn: 'companies.validation.inFuture',
      tags: 'companies.validation.tags',
    });
  });

  it('reads the existing companies of a duplicate warning', () => {
    const dup = {
      id: stored.id,
      name: stored.name,
      postcode: '40227',
      place: 'Düsseldorf',
      stage: 'advised',
    };
    const warning = new ApiError(409, 'company_duplicate', {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      code: 'company_duplicate',
      duplicates: [dup],
    } as never);
    expect(duplicatesOf(warning)).toEqual([dup]);
    expect(duplicatesOf(new ApiError(409, 'conflict', null))).toBeNull();
    expect(duplicatesOf(new Error('x'))).toBeNull();
  });
});
