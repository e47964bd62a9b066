import type {
  TAdviceItem,
  TAdviceState,
  TCompanyContactChannel,
  TContactPerson,
  TContactPersonRole,
  TUpdateAdviceItem,
} from '../../../contracts/companies';
import type { TContactPersonInput, TLogContactInput } from './api';
import { chosenLanguages } from './company-form';

/** Values of the "Kontakt erfassen" form ('' = not stated). */
export interface TContactFormValues {
  contactedOn: string;
  channel: string;
  contactPersonId: string;
  result: string;
  nextStep: string;
  nextStepDueOn: string;
  nextStepOwnerId: string;
}

/** A new contact of today by phone with the primary contact person and the given follow-up owner. */
export function emptyContactForm(
  today: string,
  primaryPersonId: string,
  ownerId: string,
): TContactFormValues {
  return {
    contactedOn: today,
    channel: 'phone',
    contactPersonId: primaryPersonId,
    result: '',
    nextStep: '',
    nextStepDueOn: '',
    nextStepOwnerId: ownerId,
  };
}

/**
 * The body of `POST /api/companies/:id/contacts`: texts trimmed; without a next step no due date or
 * owner is sent (the server refuses them alone).
 */
export function contactFormToBody(values: TContactFormValues): TLogContactInput {
  const nextStep = values.nextStep.trim();
  return {
    contactedOn: values.contactedOn,
    channel: values.channel as TCompanyContactChannel,
    contactPersonId: values.contactPersonId || null,
    result: values.result.trim(),
    nextStep: nextStep || null,
    nextStepDueOn: nextStep ? values.nextStepDueOn || null : null,
    nextStepOwnerId: nextStep ? values.nextStepOwnerId || null : null,
  };
}

/** Checks the contact form; i18n keys under `companies.validation` by field. `today` is `YYYY-MM-DD`. */
export function validateContactForm(values: TContactFormValues, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const key = (name: string) => `companies.validation.${name}`;
  if (!values.contactedOn) errors.contactedOn = key('dateRequired');
  else if (values.contactedOn > today) errors.contactedOn = key('inFuture');
  if (values.result.trim().length < 2) errors.result = key('result');
  const nextStep = values.nextStep.trim();
  if (nextStep && nextStep.length < 2) errors.nextStep = key('nextStep');
  if (!nextStep && values.nextStepDueOn) errors.nextStep = key('nextStepForDue');
  // Due before today is fine (a back-filled contact), but not before the contact itself.
  if (nextStep && values.nextStepDueOn && values.contactedOn && values.nextStepDueOn < values.contactedOn) {
    errors.nextStepDueOn = key('dueBeforeContact');
  }
  return errors;
}

/** Values of the contact person form. */
export interface TPersonFormValues {
  name: string;
  role: string;
  jobTitle: string;
  phone: string;
  email: string;
  languages: string[];
  isPrimary: boolean;
}

/** The form of a new person (primary when the company has none yet) or of a stored one. */
export function personToForm(person: TContactPerson | null, firstPerson = false): TPersonFormValues {
  return {
    name: person?.name ?? '',
    role: person?.role ?? 'owner',
    jobTitle: person?.jobTitle ?? '',
    phone: person?.phone ?? '',
    email: person?.email ?? '',
    languages: [...(person?.languages ?? [])],
    isPrimary: person?.isPrimary ?? firstPerson,
  };
}

/** The body of "add/change a contact person": texts trimmed, '' → null, languages without empty rows. */
export function personFormToBody(values: TPersonFormValues): TContactPersonInput {
  const text = (v: string) => v.trim() || null;
  return {
    name: values.name.trim(),
    role: values.role as TContactPersonRole,
    jobTitle: text(values.jobTitle),
    phone: text(values.phone),
    email: text(values.email),
    languages: chosenLanguages(values.languages),
    isPrimary: values.isPrimary,
  };
}

/** Contact persons with the primary one first, then by name. */
export function personsPrimaryFirst<T extends { isPrimary: boolean; name: string }>(
  persons: readonly T[],
): T[] {
  return [...persons].sort(
    (a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.name.localeCompare(b.name, 'de'),
  );
}

/** How many checklist items are settled (done or not applicable) out of how many. */
export function adviceProgress(items: readonly Pick<TAdviceItem, 'state'>[]): {
  settled: number;
  total: number;
} {
  return {
    settled: items.filter((i) => i.state === 'done' || i.state === 'not_applicable').length,
    total: items.length,
  };
}

/**
 * The body that ticks (`done` true → state `done`, dated today) or unticks (back to `in_progress`
 * when it had been started, i.e. it has a note, else `open`) a checklist item, keeping its note.
 */
export function adviceTickBody(item: TAdviceItem, done: boolean, today: string): TUpdateAdviceItem {
  const state: TAdviceState = done ? 'done' : item.note ? 'in_progress' : 'open';
  return { state, stateOn: state === 'open' ? null : today, note: item.note, version: item.version };
}

/** Values of a checklist item's inline editor. */
export interface TAdviceFormValues {
  state: string;
  stateOn: string;
  note: string;
}

/** The body of an edited checklist item: a new state without a date is dated today; '' note → null. */
export function adviceFormToBody(
  item: TAdviceItem,
  values: TAdviceFormValues,
  today: string,
): TUpdateAdviceItem {
  const state = values.state as TAdviceState;
  const stateOn = values.stateOn || (state !== item.state && state !== 'open' ? today : null);
  return { state, stateOn, note: values.note.trim() || null, version: item.version };
}
