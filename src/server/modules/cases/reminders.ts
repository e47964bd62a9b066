import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ZResidenceReminder } from '../../../contracts/cases';
import { addDays, daysBetween, monthsBeforeNotEarlier } from './dates';

/**
 * Residence-law reminders of a case: pure functions over stored facts and a fixed "today", so they
 * are unit-tested with fixed dates. They state dates and where a rule comes from — never whether a
 * person is entitled to anything (issue 4: "facts to store, never a legal verdict").
 */

/** A reminder as shown on the case (`ZResidenceReminder`). */
export type TResidenceReminder = z.infer<typeof ZResidenceReminder>;
/** A reminder before its text is rendered in the reader's language. */
export type ReminderFact = Omit<TResidenceReminder, 'message'> & {
  /** Extra dates the message names (e.g. the training start). */
  refs: Record<string, string>;
};

/** The client's residence facts as recorded (all optional: a record may be incomplete). */
export interface ResidenceFacts {
  residenceStatus: string | null;
  residenceExpiresOn: string | null;
  workPermit: string | null;
  workPermitExpiresOn: string | null;
}

/** The case's current training contract, if any (dates `YYYY-MM-DD`). */
export interface ContractFacts {
  startsOn: string;
  terminatedOn: string | null;
}

/**
 * Months before the training start from which an Ausbildungsduldung may be applied for.
 * Source: § 60c Abs. 3 Satz 1 AufenthG — "Der Antrag auf Erteilung der Ausbildungsduldung kann
 * frühestens sieben Monate vor Beginn der Berufsausbildung gestellt werden."
 */
export const AUSBILDUNGSDULDUNG_APPLY_MONTHS = 7;

/**
 * Days within which the training company reports an early end of training under an
 * Ausbildungsduldung. Source: § 60c Abs. 5 Satz 1 AufenthG — the training company must tell the
 * immigration office "unverzüglich, in der Regel innerhalb von zwei Wochen".
 */
export const EARLY_END_NOTIFY_DAYS = 14;

/**
 * The first day an Ausbildungsduldung may be applied for, for a training starting on `startsOn`
 * (seven calendar months earlier; see `monthsBeforeNotEarlier` for short months).
 */
export function ausbildungsduldungWindowOpens(startsOn: string): string {
  return monthsBeforeNotEarlier(startsOn, AUSBILDUNGSDULDUNG_APPLY_MONTHS);
}

/** The date by which the company reports an early end on `terminatedOn` (as a rule: two weeks). */
export function earlyEndNotifyBy(terminatedOn: string): string {
  return addDays(terminatedOn, EARLY_END_NOTIFY_DAYS);
}

/**
 * The reminders for one case on `today`:
 * - `residence_expires` / `work_permit_expires`: the recorded expiry date is at most `reminderDays`
 *   days ahead (or already past); suggests the immigration office.
 * - `ausbildungsduldung_window`: the client holds a Duldung, a training contract is recorded and
 *   has not started yet; the date is when the application window opens (§ 60c Abs. 3 AufenthG);
 *   suggests refugee counselling.
 * - `ausbildungsduldung_early_end`: the client holds an Ausbildungsduldung and the contract was
 *   terminated on or after its start (one dissolved before the training began is no early end); the
 *   date is two weeks after the end (§ 60c Abs. 5 AufenthG); suggests the immigration office.
 * Sorted by date.
 */
export function residenceReminders(input: {
  facts: ResidenceFacts;
  contract: ContractFacts | null;
  today: string;
  reminderDays: number;
}): ReminderFact[] {
  const { facts, contract, today, reminderDays } = input;
  const out: ReminderFact[] = [];
  const soon = (date: string | null): date is string =>
    date !== null && daysBetween(today, date) <= reminderDays;
  if (soon(facts.residenceExpiresOn)) {
    out.push({
      kind: 'residence_expires',
      date: facts.residenceExpiresOn,
      suggestReferral: 'immigration_office',
      refs: {},
    });
  }
  if (soon(facts.workPermitExpiresOn)) {
    out.push({
      kind: 'work_permit_expires',
      date: facts.workPermitExpiresOn,
      suggestReferral: 'immigration_office',
      refs: {},
    });
  }
  if (
    facts.residenceStatus === 'duldung' &&
    contract &&
    contract.terminatedOn === null &&
    today < contract.startsOn
  ) {
    out.push({
      kind: 'ausbildungsduldung_window',
      date: ausbildungsduldungWindowOpens(contract.startsOn),
      suggestReferral: 'refugee_counselling',
      refs: { startsOn: contract.startsOn },
    });
  }
  // Only a training that had begun can end early (§ 60c Abs. 5 AufenthG).
  if (
    facts.residenceStatus === 'ausbildungsduldung' &&
    contract?.terminatedOn &&
    contract.terminatedOn >= contract.startsOn
  ) {
    out.push({
      kind: 'ausbildungsduldung_early_end',
      date: earlyEndNotifyBy(contract.terminatedOn),
      suggestReferral: 'immigration_office',
      refs: { terminatedOn: contract.terminatedOn },
    });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** `YYYY-MM-DD` as the reader writes dates (`DD.MM.YYYY` in German, ISO otherwise). */
export function formatDate(iso: string, lang: string): string {
  if (lang !== 'de') return iso;
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * Renders a reminder's text in the reader's language (keys `caseReminders.*` of the locale
 * files); every text says that it only repeats stored dates and is no legal assessment.
 */
export function describeReminder(fact: ReminderFact, t: TFunction, lang: string): TResidenceReminder {
  const values: Record<string, string> = { date: formatDate(fact.date, lang) };
  for (const [k, v] of Object.entries(fact.refs)) values[k] = formatDate(v, lang);
  const key = {
    residence_expires: 'caseReminders.residenceExpires',
    work_permit_expires: 'caseReminders.workPermitExpires',
    ausbildungsduldung_window: 'caseReminders.ausbildungsduldungWindow',
    ausbildungsduldung_early_end: 'caseReminders.ausbildungsduldungEarlyEnd',
  }[fact.kind];
  return {
    kind: fact.kind,
    date: fact.date,
    suggestReferral: fact.suggestReferral,
    message: `${t(key, values)} ${t('caseReminders.noVerdict')}`,
  };
}
