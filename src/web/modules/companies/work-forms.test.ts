import { describe, expect, it } from 'vitest';
import type { TAdviceItem } from '../../../contracts/companies';
import {
  adviceFormToBody,
  adviceProgress,
  adviceTickBody,
  contactFormToBody,
  emptyContactForm,
  personFormToBody,
  personsPrimaryFirst,
  personToForm,
  validateContactForm,
} from './work-forms';

const today = '2026-11-30';

describe('contact log form', () => {
  it('sends due date and owner only with a next step', () => {
    const values = {
      ...emptyContactForm(today, 'p1', 'me'),
      result: ' Interesse an EQ ',
      nextStepDueOn: '2026-12-07',
    };
    expect(contactFormToBody(values)).toEqual({
      contactedOn: today,
      channel: 'phone',
      contactPersonId: 'p1',
      result: 'Interesse an EQ',
      nextStep: null,
      nextStepDueOn: null,
      nextStepOwnerId: null,
    });
    expect(
      contactFormToBody({ ...values, nextStep: 'Unterlagen schicken', contactPersonId: '' }),
    ).toMatchObject({
      contactPersonId: null,
      nextStep: 'Unterlagen schicken',
      nextStepDueOn: '2026-12-07',
      nextStepOwnerId: 'me',
    });
  });

  it('refuses a future day, a missing result and a due date without a step', () => {
    const values = {
      ...emptyContactForm(today, '', 'me'),
      contactedOn: '2026-12-01',
      nextStepDueOn: '2026-12-07',
    };
    expect(validateContactForm(values, today)).toEqual({
      contactedOn: 'companies.validation.inFuture',
      result: 'companies.validation.result',
      nextStep: 'companies.validation.nextStepForDue',
    });
    expect(
      validateContactForm({ ...values, contactedOn: today, result: 'ok', nextStepDueOn: '' }, today),
    ).toEqual({});
  });

  it('refuses a next step due before the contact, but not one due before today', () => {
    const values = {
      ...emptyContactForm(today, '', 'me'),
      contactedOn: '2026-11-20',
      result: 'Nachgetragen',
      nextStep: 'Nachfassen',
    };
    expect(validateContactForm({ ...values, nextStepDueOn: '2026-11-19' }, today)).toEqual({
      nextStepDueOn: 'companies.validation.dueBeforeContact',
    });
    expect(validateContactForm({ ...values, nextStepDueOn: '2026-11-25' }, today)).toEqual({});
    expect(validateContactForm({ ...values, nextStepDueOn: '2026-11-20' }, today)).toEqual({});
  });
});

describe('contact person form', () => {
  it('a first person is primary; blanks become null', () => {
    const values = { ...personToForm(null, true), name: ' Mehmet Aydın ', languages: ['tr', ''] };
    expect(personFormToBody(values)).toEqual({
      name: 'Mehmet Aydın',
      role: 'owner',
      jobTitle: null,
      phone: null,
      email: null,
      languages: ['tr'],
      isPrimary: true,
    });
  });

  it('lists the primary person first, then by name', () => {
    const persons = [
      { name: 'Zeynep', isPrimary: false },
      { name: 'Ali', isPrimary: false },
      { name: 'Mehmet', isPrimary: true },
    ];
    expect(personsPrimaryFirst(persons).map((p) => p.name)).toEqual(['Mehmet', 'Ali', 'Zeynep']);
  });
});

describe('advice checklist', () => {
  const item: TAdviceItem = {
    item: 'trainer_aptitude',
    state: 'open',
    stateOn: null,
    note: null,
    updatedByName: null,
    version: 0,
  };

  it('counts done and not applicable items as settled', () => {
    expect(adviceProgress([item, { ...item, state: 'done' }, { ...item, state: 'not_applicable' }])).toEqual({
      settled: 2,
      total: 3,
    });
  });

  it('ticking marks done today; unticking goes back to open, or in progress when there is a note', () => {
    expect(adviceTickBody(item, true, today)).toEqual({
      state: 'done',
      stateOn: today,
      note: null,
      version: 0,
    });
    const started = { ...item, state: 'done' as const, note: 'Kurs gebucht', version: 2 };
    expect(adviceTickBody(started, false, today)).toEqual({
      state: 'in_progress',
      stateOn: today,
      note: 'Kurs gebucht',
      version: 2,
    });
    expect(adviceTickBody({ ...started, note: null }, false, today).state).toBe('open');
  });

  it('an edited state without a date is dated today; a typed date wins', () => {
    expect(
      adviceFormToBody(item, { state: 'in_progress', stateOn: '', note: ' IHK angerufen ' }, today),
    ).toEqual({
      state: 'in_progress',
      stateOn: today,
      note: 'IHK angerufen',
      version: 0,
    });
    expect(adviceFormToBody(item, { state: 'done', stateOn: '2026-11-02', note: '' }, today).stateOn).toBe(
      '2026-11-02',
    );
  });
});
