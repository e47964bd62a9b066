import { distance } from 'fastest-levenshtein';
import { joinedPart, type NamePart, type NameReading, nameParts } from './name-key';

/**
 * Duplicate scoring of two clients from given names, family name and date of birth. Pure, no I/O.
 * score = name score × date-of-birth factor, both in 0..1; the name score is the best of: given↔given ×
 * family↔family, the same with given and family swapped, and all parts pooled (a part moved between the
 * fields). Each part pair scores by the strongest evidence: same canonical spelling, table equivalence,
 * phonetic codes plus a compatible vowel shape, consonant skeleton (spellings without vowels), or edit
 * distance. The engine only suggests: a counsellor decides, records are never merged automatically.
 */

// --- part pair weights ---------------------------------------------------------------------------------
/** Same canonical spelling after all folds: the strongest name evidence there is. */
const SAME_SPELLING = 1;
/** Same name via `EQUIVALENT_NAMES` (Mykola/Nikolai): certain as a name, but the spelling differs. */
const EQUIVALENT = 0.95;
/** Kölner Phonetik and Double Metaphone agree and the vowel shape fits: a transliteration variant. */
const PHONETIC_BOTH = 0.9;
/** Only one of the two phonetic codes agrees (e.g. Zabiullah/Zabihullah: h kept by Double Metaphone only). */
const PHONETIC_ONE = 0.8;
/** Consonant skeleton agrees with an abjad/Ethiopic spelling ("محمد"): vowels unknown, so a bit less. */
const SCRIPT_SKELETON = 0.85;
/** Multiplier on the edit similarity (1 − Levenshtein/length) when no phonetic code agrees: a typo path that
 *  alone (≤ 0.65) stays near the threshold, so one different letter in a short name is no match. */
const EDIT_WEIGHT = 0.65;
/** Ceiling when the vowel shape conflicts (Ali/Alia, Amin/Amina, Hassan/Hussein, Omar/Ammar, Ahmad/Hamid):
 *  phonetic codes ignore vowels and h, but these are different names; below the default threshold. */
const VOWEL_CONFLICT_CAP = 0.5;
/** A non-plain reading (Somali c, Turkish c, French ch, joined article) is a guess about the orthography. */
const ALTERNATE_READING_FACTOR = 0.95;
/** Whole field compared written together ("Mohammad Reza" ↔ "Mohammadreza"). */
const JOINED_FACTOR = 0.95;
/** Per part present on one side only: a middle name or title left out of one document ("Seyed"). */
const EXTRA_PART_FACTOR = 0.85;
/** Given and family name swapped: common between documents (family-first order), slightly weaker. */
const SWAP_FACTOR = 0.95;
/** Parts regrouped between the fields ("Mohammad Ali" + "Rezaei" ↔ "Mohammad" + "Ali Rezaei"). */
const REGROUP_FACTOR = 0.9;
/** One field empty on one side: the other field alone cannot make a likely duplicate. */
const MISSING_FIELD = 0.5;

// --- date of birth factors --------------------------------------------------------------------------------
/** Same full date (not a 01.01. placeholder). */
const DOB_EQUAL = 1;
/** Day and month swapped (DD.MM vs MM.DD between documents, e.g. US-format forms). */
const DOB_DAY_MONTH_SWAPPED = 0.9;
/** Same year, one or both dates 01.01.: the placeholder for "only the year known" on many refugee documents;
 *  two 01.01. dates of one year are this too, as many unrelated people share them. */
const DOB_YEAR_ONLY = 0.85;
/** Dates of the same length differing in one digit: a typing error. */
const DOB_ONE_DIGIT = 0.8;
/** One or both dates unknown: the name must carry it. */
const DOB_MISSING = 0.75;
/** A different date with an (almost) identical name: shown only below the default threshold, as a hint. */
const DOB_DIFFERENT = 0.45;
/** A different date with a weaker name: practically no duplicate. */
const DOB_DIFFERENT_WEAK_NAME = 0.2;
/** Name score from which a different date still leaves a hint (see DOB_DIFFERENT): the same spelling in both
 *  fields, at most one of them an equivalent or the fields swapped; phonetic likeness is not enough. */
const STRONG_NAME = 0.95;

/** Default threshold of `findDuplicates`: below it a pair is not shown. */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.6;
/** From this score a hit is a likely duplicate (e.g. same date of birth and phonetically equal names). */
export const LIKELY_DUPLICATE_THRESHOLD = 0.8;

/** The person data compared: names as written (any script) and date of birth (ISO `YYYY-MM-DD`) or null. */
export interface PersonName {
  givenNames: string;
  familyName: string;
  dateOfBirth?: string | null;
}

/**
 * Machine codes explaining a score. Name codes come as `given_*` and `family_*`: `exact` (same folded
 * spelling), `equivalent` (same name in another language), `phonetic`, `script_skeleton` (abjad/Ethiopic
 * spelling), `similar` (edit distance), `vowel_conflict` (sounds alike, different name), `different`,
 * `partial` (a part only on one side), `joined` (compared written together), `alternate_reading`, `missing`.
 */
export type DuplicateReason =
  | `${'given' | 'family'}_${PartKind | 'partial' | 'joined' | 'alternate_reading' | 'missing'}`
  | 'given_swapped_with_family'
  | 'name_parts_regrouped'
  | 'dob_equal'
  | 'dob_day_month_swapped'
  | 'dob_year_only'
  | 'dob_one_digit_differs'
  | 'dob_missing'
  | 'dob_different';

/** A score in 0..1 (3 decimals) with its reasons. */
export interface DuplicateScore {
  score: number;
  reasons: DuplicateReason[];
}

/** A record of `findDuplicates` at or above the threshold. */
export interface DuplicateHit<T> extends DuplicateScore {
  record: T;
  /** `likely` from `LIKELY_DUPLICATE_THRESHOLD`, else `possible`. */
  band: 'likely' | 'possible';
}

type PartKind =
  | 'exact'
  | 'equivalent'
  | 'phonetic'
  | 'script_skeleton'
  | 'similar'
  | 'vowel_conflict'
  | 'different';
const KIND_ORDER: readonly PartKind[] = [
  'exact',
  'equivalent',
  'phonetic',
  'script_skeleton',
  'similar',
  'vowel_conflict',
  'different',
];

interface PairMatch {
  score: number;
  kind: PartKind;
  alternate: boolean;
}

/** A person prepared once for many comparisons. */
export interface PreparedPerson {
  given: NamePart[];
  family: NamePart[];
  givenJoined: NamePart | null;
  familyJoined: NamePart | null;
  dateOfBirth: string | null;
}

/** Parses the names once (use for the candidate when scoring it against many records). */
export function preparePerson(p: PersonName): PreparedPerson {
  const given = nameParts(p.givenNames);
  const family = nameParts(p.familyName);
  return {
    given,
    family,
    givenJoined: joinedPart(p.givenNames),
    familyJoined: joinedPart(p.familyName),
    dateOfBirth: p.dateOfBirth ?? null,
  };
}

/** e stands for Arabic a (Turkish Zeynep/Zainab) or i (Persian Ebrahim/Ibrahim), never for u (Mehmet/Muhammed). */
const compatibleVowels = (a: string, b: string) =>
  a === b || (a === 'e' && b !== 'u') || (b === 'e' && a !== 'u');

/** True if `sub` is a subsequence of `full`. */
function isSubsequence(sub: string, full: string): boolean {
  let i = 0;
  for (const c of full) if (c === sub[i]) i++;
  return i === sub.length;
}

/** A Latin spelling's written semivowels must all be in the abjad spelling (see `NameReading.semivowels`). */
function semivowelsFit(a: NameReading, b: NameReading): boolean {
  if (a.semivowels === null || b.semivowels === null || a.vowelsKnown === b.vowelsKnown) return true;
  return a.vowelsKnown
    ? isSubsequence(a.semivowels, b.semivowels)
    : isSubsequence(b.semivowels, a.semivowels);
}

/** Vowel shape: same start (vowel / h / consonant), compatible first vowel and final letter. */
function shapeFits(a: NameReading, b: NameReading): boolean {
  if (a.initialClass !== b.initialClass) return false;
  if (!compatibleVowels(a.finalClass, b.finalClass)) return false;
  if (a.firstVowel && b.firstVowel && !compatibleVowels(a.firstVowel, b.firstVowel)) return false;
  return true;
}

function compareReadings(a: NameReading, b: NameReading): Omit<PairMatch, 'alternate'> {
  if (a.canonical === b.canonical) {
    return a.folded === b.folded
      ? { score: SAME_SPELLING, kind: 'exact' }
      : { score: EQUIVALENT, kind: 'equivalent' };
  }
  const fits = shapeFits(a, b);
  if (!a.vowelsKnown || !b.vowelsKnown) {
    if (!fits || a.skeleton === '' || a.skeleton !== b.skeleton) return { score: 0, kind: 'different' };
    if (!semivowelsFit(a, b)) return { score: VOWEL_CONFLICT_CAP, kind: 'vowel_conflict' };
    return { score: SCRIPT_SKELETON, kind: 'script_skeleton' };
  }
  const cologne = a.cologne !== '' && a.cologne === b.cologne;
  const metaphone = a.metaphone.some((m) => b.metaphone.includes(m));
  if (fits && cologne && metaphone) return { score: PHONETIC_BOTH, kind: 'phonetic' };
  if (fits && (cologne || metaphone)) return { score: PHONETIC_ONE, kind: 'phonetic' };
  const similarity =
    1 - distance(a.canonical, b.canonical) / Math.max(a.canonical.length, b.canonical.length);
  const score = fits ? EDIT_WEIGHT * similarity : Math.min(VOWEL_CONFLICT_CAP, EDIT_WEIGHT * similarity);
  if (!fits && (cologne || metaphone)) return { score, kind: 'vowel_conflict' };
  return { score, kind: score >= EDIT_WEIGHT * 0.75 ? 'similar' : 'different' };
}

/** Best reading pair of two parts; non-plain readings count `ALTERNATE_READING_FACTOR`. */
function comparePartPair(a: NamePart, b: NamePart): PairMatch {
  let best: PairMatch = { score: 0, kind: 'different', alternate: false };
  for (const ra of a.readings) {
    for (const rb of b.readings) {
      const alternate = ra.reading !== 'base' || rb.reading !== 'base';
      const m = compareReadings(ra, rb);
      const score = m.score * (alternate ? ALTERNATE_READING_FACTOR : 1);
      if (score > best.score) best = { score, kind: m.kind, alternate };
    }
  }
  return best;
}

interface GroupMatch {
  score: number;
  /** Geometric mean of the pair scores, without the extra-part factor. */
  mean: number;
  pairs: PairMatch[];
  unmatched: number;
}

/** Greedy best one-to-one alignment of parts: geometric mean of the pairs × EXTRA_PART_FACTOR per extra part. */
function alignParts(a: readonly NamePart[], b: readonly NamePart[]): GroupMatch {
  const all: Array<{ i: number; j: number; m: PairMatch }> = [];
  a.forEach((pa, i) => {
    b.forEach((pb, j) => {
      all.push({ i, j, m: comparePartPair(pa, pb) });
    });
  });
  all.sort((x, y) => y.m.score - x.m.score);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: PairMatch[] = [];
  for (const { i, j, m } of all) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    pairs.push(m);
  }
  const unmatched = Math.abs(a.length - b.length);
  const mean = pairs.length ? pairs.reduce((p, m) => p * m.score, 1) ** (1 / pairs.length) : 0;
  return { score: mean * EXTRA_PART_FACTOR ** unmatched, mean, pairs, unmatched };
}

interface FieldMatch {
  score: number;
  reasons: Set<DuplicateReason>;
}

/** One field against another (parts aligned, or written together), with its reason codes. */
function compareField(
  prefix: 'given' | 'family',
  a: readonly NamePart[],
  b: readonly NamePart[],
  aJoined: NamePart | null,
  bJoined: NamePart | null,
): FieldMatch {
  if (a.length === 0 || b.length === 0) {
    return a.length === b.length
      ? { score: 1, reasons: new Set() }
      : { score: MISSING_FIELD, reasons: new Set([`${prefix}_missing` as const]) };
  }
  const aligned = alignParts(a, b);
  let result = { score: aligned.score, reasons: fieldReasons(prefix, aligned.pairs, aligned.unmatched) };
  if (aJoined || bJoined) {
    const joined = comparePartPair(aJoined ?? (a[0] as NamePart), bJoined ?? (b[0] as NamePart));
    const score = joined.score * JOINED_FACTOR;
    if (score > result.score) {
      const reasons = fieldReasons(prefix, [joined], 0);
      reasons.add(`${prefix}_joined`);
      result = { score, reasons };
    }
  }
  return result;
}

/** Reason codes of aligned pairs: the weakest pair kind, partial, alternate reading. */
function fieldReasons(
  prefix: 'given' | 'family',
  pairs: readonly PairMatch[],
  unmatched: number,
): Set<DuplicateReason> {
  const worst = pairs.reduce<PartKind>(
    (w, p) => (KIND_ORDER.indexOf(p.kind) > KIND_ORDER.indexOf(w) ? p.kind : w),
    'exact',
  );
  const reasons = new Set<DuplicateReason>([`${prefix}_${worst}`]);
  if (unmatched > 0) reasons.add(`${prefix}_partial`);
  if (pairs.some((p) => p.alternate)) reasons.add(`${prefix}_alternate_reading`);
  return reasons;
}

/** Name score (0..1) of two prepared people with reasons: straight, swapped or pooled, whichever is best. */
function compareNames(a: PreparedPerson, b: PreparedPerson): FieldMatch {
  const given = compareField('given', a.given, b.given, a.givenJoined, b.givenJoined);
  const family = compareField('family', a.family, b.family, a.familyJoined, b.familyJoined);
  let best: FieldMatch = {
    score: given.score * family.score,
    reasons: new Set([...given.reasons, ...family.reasons]),
  };

  const sGiven = compareField('given', a.given, b.family, a.givenJoined, b.familyJoined);
  const sFamily = compareField('family', a.family, b.given, a.familyJoined, b.givenJoined);
  const swapped = sGiven.score * sFamily.score * SWAP_FACTOR;
  if (swapped > best.score) {
    best = {
      score: swapped,
      reasons: new Set<DuplicateReason>([...sGiven.reasons, ...sFamily.reasons, 'given_swapped_with_family']),
    };
  }

  const pooledA = [...a.given, ...a.family];
  const pooledB = [...b.given, ...b.family];
  if (pooledA.length > 2 || pooledB.length > 2) {
    const pooled = alignParts(pooledA, pooledB);
    // Squared mean: on the scale of the given × family product it competes with.
    const score = pooled.mean ** 2 * EXTRA_PART_FACTOR ** pooled.unmatched * REGROUP_FACTOR;
    if (score > best.score) {
      const reasons = fieldReasons('given', pooled.pairs, pooled.unmatched);
      reasons.add('name_parts_regrouped');
      best = { score, reasons };
    }
  }
  return best;
}

interface Dob {
  year: string;
  month: string;
  day: string;
  placeholder: boolean;
}

function parseDob(s: string | null): Dob | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null;
  if (!m) return null;
  const [, year = '', month = '', day = ''] = m;
  return { year, month, day, placeholder: month === '01' && day === '01' };
}

/** Date-of-birth factor and reason (see the DOB_* constants). */
export function compareDatesOfBirth(
  a: string | null | undefined,
  b: string | null | undefined,
): { factor: number; reason: DuplicateReason } {
  const x = parseDob(a ?? null);
  const y = parseDob(b ?? null);
  if (!x || !y) return { factor: DOB_MISSING, reason: 'dob_missing' };
  if ((x.placeholder || y.placeholder) && x.year === y.year)
    return { factor: DOB_YEAR_ONLY, reason: 'dob_year_only' };
  if (a === b) return { factor: DOB_EQUAL, reason: 'dob_equal' };
  if (x.year === y.year && x.month === y.day && x.day === y.month) {
    return { factor: DOB_DAY_MONTH_SWAPPED, reason: 'dob_day_month_swapped' };
  }
  const dx = `${x.year}${x.month}${x.day}`;
  const dy = `${y.year}${y.month}${y.day}`;
  if ([...dx].filter((c, i) => c !== dy[i]).length === 1)
    return { factor: DOB_ONE_DIGIT, reason: 'dob_one_digit_differs' };
  return { factor: DOB_DIFFERENT, reason: 'dob_different' };
}

/** Scores two prepared people (see `scoreDuplicate`). */
export function scorePrepared(a: PreparedPerson, b: PreparedPerson): DuplicateScore {
  const names = compareNames(a, b);
  const dob = compareDatesOfBirth(a.dateOfBirth, b.dateOfBirth);
  const factor =
    dob.reason === 'dob_different' && names.score < STRONG_NAME ? DOB_DIFFERENT_WEAK_NAME : dob.factor;
  const score = Math.round(Math.min(1, names.score * factor) * 1000) / 1000;
  return { score, reasons: [...names.reasons, dob.reason] };
}

/**
 * How likely `a` and `b` are the same person: `{ score: 0..1, reasons }`. Symmetric. Same date of birth and
 * phonetically equal names ≈ 0.8–1 (likely); day/month swapped, 01.01. year-only dates, missing dates or given
 * and family name swapped ≈ 0.6–0.8 (possible); a different date of birth ≤ 0.45 even for identical names.
 * Example: `scoreDuplicate({ givenNames: 'Oleksandr', familyName: 'Shevchenko', dateOfBirth: '2006-04-12' },
 * { givenNames: 'Alexander', familyName: 'Schewtschenko', dateOfBirth: '2006-04-12' })` →
 * `{ score: 0.95, reasons: ['given_equivalent', 'family_exact', 'dob_equal'] }`.
 */
export function scoreDuplicate(a: PersonName, b: PersonName): DuplicateScore {
  return scorePrepared(preparePerson(a), preparePerson(b));
}

/**
 * Records that may be the same person as `candidate`, best first (ties keep input order), with score ≥
 * `threshold` (default `DEFAULT_DUPLICATE_THRESHOLD`), at most `limit`. Only a suggestion for a counsellor:
 * nothing is merged. Preselect `records` by `searchKeys` overlap or equal date of birth in the data layer.
 */
export function findDuplicates<T extends PersonName>(
  candidate: PersonName,
  records: readonly T[],
  options: { threshold?: number; limit?: number } = {},
): DuplicateHit<T>[] {
  const threshold = options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD;
  const prepared = preparePerson(candidate);
  const hits: DuplicateHit<T>[] = [];
  for (const record of records) {
    const { score, reasons } = scorePrepared(prepared, preparePerson(record));
    if (score < threshold) continue;
    hits.push({ record, score, reasons, band: score >= LIKELY_DUPLICATE_THRESHOLD ? 'likely' : 'possible' });
  }
  hits.sort((x, y) => y.score - x.score);
  return options.limit === undefined ? hits : hits.slice(0, options.limit);
}
