import { searchKeys } from './duplicates/index';

/** Lower case without accents, `ß` → `ss` ("Müller" → "muller"), single spaces: how `search_text` is stored. */
export function foldText(s: string): string {
  return s
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The digits of a phone number in the forms people type: as written ("+49 170 1234567" →
 * "491701234567") and national ("01701234567"), so either form finds it.
 */
export function phoneForms(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  if (!digits) return [];
  const forms = new Set([digits]);
  const international = phone.trim().startsWith('+')
    ? digits
    : digits.startsWith('00')
      ? digits.slice(2)
      : null;
  if (international?.startsWith('49')) forms.add(`0${international.slice(2)}`);
  if (digits.startsWith('0') && !digits.startsWith('00')) forms.add(`49${digits.slice(1)}`);
  return [...forms];
}

/** A query that looks like a phone number (digits with spaces, +, -, /, parentheses; ≥ 5 digits) → its digits. */
export function phoneQueryDigits(q: string): string | null {
  if (!/^[+\d][\d\s/().-]*$/.test(q.trim())) return null;
  const digits = q.replace(/\D/g, '');
  if (digits.length < 5) return null;
  // "+49 170 …" and "0049 170 …" are stored in the national form too: search that.
  if (q.trim().startsWith('+49')) return `0${digits.slice(2)}`;
  if (digits.startsWith('0049')) return `0${digits.slice(4)}`;
  return digits;
}

/** What `search_text` is built from. */
export interface SearchSource {
  givenNames: string;
  familyName: string;
  spokenName?: string | null;
  phone?: string | null;
  email?: string | null;
  postcode?: string | null;
}

/**
 * The text the client search runs over (`client.search_text`): all name spellings, phone digits in
 * both forms, e-mail and postcode, folded (see `foldText`). Hyphenated names are also kept joined
 * ("al-hassan" → "al-hassan alhassan") so either spelling is a word of it.
 */
export function buildSearchText(s: SearchSource): string {
  const names = [s.givenNames, s.familyName, s.spokenName ?? ''].map(foldText).filter(Boolean);
  const joined = names
    .flatMap((n) => n.split(' '))
    .filter((w) => /[-']/.test(w))
    .map((w) => w.replace(/[-']/g, ''));
  return [
    ...names,
    ...joined,
    ...(s.phone ? phoneForms(s.phone) : []),
    s.email ? s.email.trim().toLowerCase() : '',
    s.postcode?.trim() ?? '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Phonetic keys of all name spellings of a client (`client.name_keys`), from the duplicates engine. */
export function buildNameKeys(s: {
  givenNames: string;
  familyName: string;
  spokenName?: string | null;
}): string[] {
  return [...new Set(searchKeys([s.givenNames, s.familyName, s.spokenName ?? ''].join(' ')))];
}
