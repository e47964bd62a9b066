import anyAscii from 'any-ascii';
import { colognePhonetic } from 'cologne-phonetic';
import { doubleMetaphone } from 'double-metaphone';
import { ALTERNATE_READINGS, EQUIVALENT_NAMES, foldLatin, PRE_ASCII, unifyAbd } from './name-rules';

/**
 * Name keys for duplicate detection: a name (any script) → parts → Latin readings → folded, canonical
 * and phonetic keys. Pure, no I/O. Pipeline, in order:
 * 1. NFKC, lower case, Arabic vowel marks dropped (documents rarely carry them, so a vocalised and an
 *    unvocalised spelling must give the same key), `PRE_ASCII` (ß → ss, š → sh, ş → s, …);
 * 2. split into parts on spaces, hyphens and punctuation; particles handled (`al-`, `el`, `ul`, sun-letter
 *    articles `ar-`, `as-` …, `bin/ben/ibn/bint` dropped; `abd/abdul/abdel …` joined to the next part);
 * 3. script → Latin with any-ascii (Arabic, Persian, Pashto, Cyrillic, Ethiopic, …), plus `ALTERNATE_READINGS`
 *    where one Latin letter means different sounds in different source orthographies (Somali c/x, Turkish c);
 * 4. `abd…` prefixes unified, then `FOLD_RULES` (transliteration folds), then `EQUIVALENT_NAMES`
 *    (Ukrainian ↔ Russian/German forms that no sound rule relates: Mykola/Nikolai);
 * 5. Kölner Phonetik (cologne-phonetic) and Double Metaphone (double-metaphone) of the canonical form, and a
 *    consonant skeleton for spellings written without short vowels (Arabic script, Ethiopic).
 */

/** Script a name part is written in, from its first letter. */
export type NameScript = 'latin' | 'cyrillic' | 'arabic' | 'ethiopic' | 'other';

/** Vowel class of a folded name (o is folded into u). */
export type VowelClass = 'a' | 'e' | 'i' | 'u';

/** One way of reading a name part, with its keys. */
export interface NameReading {
  /** 'base', an `ALTERNATE_READINGS` id, or 'article' (particle joined), 'ukrainian_h' (Cyrillic г = h),
   *  'persian_z' (Arabic-script ض ظ ذ = z, ث = s). */
  reading: string;
  /** After `FOLD_RULES` ("Mohammed" → "muhamed"). */
  folded: string;
  /** After `EQUIVALENT_NAMES` ("muhamed" → "muhamad", "mikula" → "mikula" for Nikolai). */
  canonical: string;
  /** Kölner Phonetik code of `canonical` (digits). */
  cologne: string;
  /** Double Metaphone primary and secondary codes of `canonical` (unique). */
  metaphone: readonly string[];
  /** Kölner code of the consonants only (vowels, i, non-initial v dropped): meets abjad spellings. */
  skeleton: string;
  /**
   * Written semivowels in order, `y`/`w`: in an abjad spelling the letters ي ی ئ / و ؤ; in a Latin spelling the
   * letters y, w and the diphthongs and long vowels that Arabic script must write with them (ai, ei, ee, ou, oo,
   * au …); null for Ethiopic. A Latin "Hussein" (y) is then no reading of "حسن" (none), "Mahmoud" (w) none of
   * "محمد".
   */
  semivowels: string | null;
  /** False for Arabic-script and Ethiopic sources, whose transliteration lacks (short) vowels. */
  vowelsKnown: boolean;
  /** Class of the first vowel (a leading i-glide before a vowel skipped: "iusuf" → u; after an initial v, e or
   *  u count as e); null if unknown. */
  firstVowel: VowelClass | null;
  /** Class of the last letter if a vowel, '-' for a consonant. */
  finalClass: VowelClass | '-';
  /** Starts with a vowel (V), with h (H; Kölner ignores h, so Ahmad/Hamid need this), or another consonant (C). */
  initialClass: 'V' | 'H' | 'C';
}

/** A name part (one word after particle handling) with all its readings. */
export interface NamePart {
  /** The part as written (particles joined: "Abd al-Rahman" → one part). */
  source: string;
  script: NameScript;
  readings: readonly NameReading[];
}

const PRE_ASCII_LETTERS = new RegExp(`[${Object.keys(PRE_ASCII).join('')}]`, 'g');
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
const ARTICLES = new Set(['al', 'el', 'ul']);
const PATRONYMICS = new Set(['bin', 'ben', 'ibn', 'bint', 'binti', 'ould']);
const ABD_WORDS = new Set(['abd', 'abdul', 'abdel', 'abdal', 'abdol', 'abdoul']);
const VOWELS = /[aeiu]/;

/** Script of a text, from its first letter. */
export function detectScript(text: string): NameScript {
  // Modifier letters (ʿ ʾ of scholarly transliteration) have no script of their own: skip them.
  const first = /[\p{Lu}\p{Ll}\p{Lo}]/u.exec(text)?.[0] ?? '';
  if (/\p{Script=Latin}/u.test(first)) return 'latin';
  if (/\p{Script=Cyrillic}/u.test(first)) return 'cyrillic';
  if (/\p{Script=Arabic}/u.test(first)) return 'arabic';
  if (/\p{Script=Ethiopic}/u.test(first)) return 'ethiopic';
  return 'other';
}

/** Unicode text → lower-case a–z: `PRE_ASCII`, any-ascii, then everything but a–z (ayn/hamza marks, ') dropped. */
export function toAscii(text: string): string {
  const pre = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(ARABIC_MARKS, '')
    .replace(PRE_ASCII_LETTERS, (c) => PRE_ASCII[c] ?? c);
  return anyAscii(pre)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** True for an article assimilated to a sun letter ("ar" before "rahman", "ash" before "shami", "ud" before "din"). */
function isSunArticle(word: string, next: string): boolean {
  const m = /^[aeu](sh|th|dh|[dnrstz])$/.exec(word);
  return m?.[1] !== undefined && next.startsWith(m[1]);
}

interface RawPart {
  source: string;
  script: NameScript;
  /** Extra ASCII spellings from particle handling ("al" + "amin" → "alamin"). */
  joinedWith: string | null;
}

/** Words of a name: split on spaces, hyphens and punctuation; words without a letter dropped. */
function splitWords(name: string): string[] {
  return name
    .normalize('NFKC')
    .split(/[\s\-‐‑–—_.,;:/()+]+/u)
    .filter((w) => /\p{L}/u.test(w));
}

/** Splits a name into parts and handles particles (see the module comment). */
function rawParts(name: string): RawPart[] {
  const words = splitWords(name);
  const parts: RawPart[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = words[i + 1];
    const ascii = toAscii(word);
    if (next !== undefined) {
      const nextAscii = toAscii(next);
      if (word === 'ال' || ARTICLES.has(ascii) || isSunArticle(ascii, nextAscii)) {
        const script = detectScript(next);
        parts.push({ source: next, script, joinedWith: script === 'latin' ? ascii + nextAscii : null });
        i++;
        continue;
      }
      if (PATRONYMICS.has(ascii) || ['بن', 'ابن', 'بنت'].includes(word)) continue;
      if (ABD_WORDS.has(ascii) || word === 'عبد') {
        // Skip an article between "abd" and the name it governs: "Abd al-Rahman", "Abd ar-Rahman".
        let j = i + 1;
        const after = words[j + 1];
        if (
          after !== undefined &&
          (ARTICLES.has(toAscii(words[j] as string)) ||
            isSunArticle(toAscii(words[j] as string), toAscii(after)))
        )
          j++;
        parts.push({
          source: word + (words[j] as string).replace(/^ال/, ''),
          script: detectScript(word),
          joinedWith: null,
        });
        i = j;
        continue;
      }
    }
    parts.push({ source: word, script: detectScript(word), joinedWith: null });
  }
  return parts;
}

let canonicalMap: Map<string, string> | null = null;

/** `EQUIVALENT_NAMES` as folded spelling → folded canonical spelling (built on first use). */
function canonicalOf(folded: string): string {
  if (!canonicalMap) {
    const map = new Map<string, string>();
    for (const group of EQUIVALENT_NAMES) {
      const keys = group.map((n) => foldLatin(unifyAbd(toAscii(n))));
      for (const k of keys) map.set(k, keys[0] as string);
    }
    canonicalMap = map;
  }
  return canonicalMap.get(folded) ?? folded;
}

const vowelClass = (c: string | undefined): VowelClass | '-' =>
  c && VOWELS.test(c) ? (c as VowelClass) : '-';

/** Final vowel of an Arabic-script word from its last letter: ة ه ا ى ء → a, ي ی → i, و → u. */
function abjadFinal(source: string): VowelClass | '-' {
  const last = source.replace(ARABIC_MARKS, '').slice(-1);
  if ('ةهاىءأآ'.includes(last)) return 'a';
  if ('يیې'.includes(last)) return 'i';
  if (last === 'و') return 'u';
  return '-';
}

/** See `NameReading.semivowels`. */
function semivowelsOf(script: NameScript, spelling: string): string | null {
  if (script === 'ethiopic') return null;
  if (script === 'arabic') {
    return [...spelling].map((c) => ('يیئ'.includes(c) ? 'y' : 'وؤ'.includes(c) ? 'w' : '')).join('');
  }
  return spelling
    .replace(/ou|oo|uu|aw|ow|au|w/g, 'W')
    .replace(/ai|ay|ei|ey|ee|ii|iy|y/g, 'Y')
    .replace(/[^WY]/g, '')
    .replace(/W+/g, 'w')
    .replace(/Y+/g, 'y');
}

/** Builds one reading from an ASCII spelling of a part (`source`: the spelling in its own script). */
function makeReading(ascii: string, reading: string, script: NameScript, source: string): NameReading | null {
  const folded = foldLatin(unifyAbd(ascii));
  if (!folded) return null;
  const canonical = canonicalOf(folded);
  const vowelsKnown = script !== 'arabic' && script !== 'ethiopic';
  const consonants = canonical.replace(/(?!^)v/g, '').replace(/[aeiu]/g, '');
  const glideSkipped = canonical.replace(/^i(?=[aeiu])/, '');
  // After an initial w/v, e and u alternate in Tigrinya names (ወልደ: Welde/Wolde): take it as the neutral e.
  const firstVowel = /^v[eu]/.test(canonical)
    ? 'e'
    : ((VOWELS.exec(glideSkipped)?.[0] as VowelClass | undefined) ?? null);
  const abjadInitial = script === 'arabic' && /^[اأإآعءئؤ]/.test(source);
  const first = canonical[0] ?? '';
  return {
    reading,
    folded,
    canonical,
    cologne: colognePhonetic(canonical),
    metaphone: [...new Set(doubleMetaphone(canonical))].filter(Boolean),
    skeleton: consonants ? colognePhonetic(consonants) : '',
    semivowels: semivowelsOf(script, script === 'arabic' ? source : unifyAbd(ascii)),
    vowelsKnown,
    firstVowel: vowelsKnown ? firstVowel : null,
    finalClass: script === 'arabic' ? abjadFinal(source) : vowelClass(canonical.slice(-1)),
    initialClass: abjadInitial || VOWELS.test(first) ? 'V' : first === 'h' ? 'H' : 'C',
  };
}

/** All readings of a raw part: the plain one, then script- and orthography-specific ones. */
function readingsOf(part: RawPart): NameReading[] {
  const spellings: Array<[string, string, string]> = [];
  const src = part.source;
  if (part.script === 'arabic') {
    const unified = src.replace(/^عبد ?ال/, 'عبد');
    spellings.push([toAscii(unified), 'base', unified]);
    if (/^ال../.test(unified)) spellings.push([toAscii(unified.slice(2)), 'article', unified.slice(2)]);
    // Persian, Dari, Pashto and Urdu say ض ظ ذ as z and ث as s (رضا = Reza, not Rida); any-ascii gives d/dh/th.
    const persian = unified.replace(/[ضظذ]/g, 'ز').replace(/ث/g, 'س');
    if (persian !== unified) spellings.push([toAscii(persian), 'persian_z', persian]);
  } else if (part.script === 'cyrillic') {
    spellings.push([toAscii(src), 'base', src]);
    // Ukrainian г is h (passport, Duden); any-ascii gives the Russian g.
    if (/г/i.test(src))
      spellings.push([toAscii(src.replace(/г/g, 'h').replace(/Г/g, 'H')), 'ukrainian_h', src]);
  } else {
    const ascii = toAscii(src);
    spellings.push([ascii, 'base', src]);
    if (part.joinedWith) spellings.push([part.joinedWith, 'article', src]);
    if (part.script === 'latin') {
      for (const alt of ALTERNATE_READINGS) {
        const s = alt.apply(ascii);
        if (s) spellings.push([s, alt.id, src]);
      }
    }
  }
  const seen = new Set<string>();
  const out: NameReading[] = [];
  for (const [ascii, id, source] of spellings) {
    const r = makeReading(ascii, id, part.script, source);
    if (r && !seen.has(r.canonical)) {
      seen.add(r.canonical);
      out.push(r);
    }
  }
  return out;
}

/** A raw part with its readings, or null if no reading is left (no Latin letter after transliteration). */
function partOf(raw: RawPart): NamePart | null {
  const readings = readingsOf(raw);
  return readings.length > 0 ? { source: raw.source, script: raw.script, readings } : null;
}

/** A name (one field: given names or family name, any script) → its parts with readings; [] for an empty name. */
export function nameParts(name: string): NamePart[] {
  return rawParts(name).flatMap((p) => partOf(p) ?? []);
}

/**
 * The whole field written as one word, particles included ("Mohammad Reza" ↔ "Mohammadreza", "Sami Ullah" ↔
 * "Samiullah", "Zia ul Haq" ↔ "Ziaulhaq"); null for a one-word field or mixed scripts.
 */
export function joinedPart(name: string): NamePart | null {
  const words = splitWords(name);
  const script = detectScript(words[0] ?? '');
  if (words.length < 2 || words.some((w) => detectScript(w) !== script)) return null;
  return partOf({ source: words.join(''), script, joinedWith: null });
}

/** Index keys of one reading: `k:` Kölner, `m:` Double Metaphone (when vowels are known), `s:` skeleton. */
function readingKeys(r: NameReading): string[] {
  const keys = r.skeleton ? [`s:${r.skeleton}`] : [];
  if (r.vowelsKnown) {
    if (r.cologne) keys.push(`k:${r.cologne}`);
    for (const m of r.metaphone) keys.push(`m:${m}`);
  }
  return keys;
}

/**
 * Index keys of a name (any field or a whole name, any script) for a `text[]` column: the phonetic keys
 * (`k:` Kölner Phonetik, `m:` Double Metaphone, `s:` consonant skeleton) of every reading of every part and of
 * each two neighbouring parts written together, sorted and unique. Two names that `scoreDuplicate` rates as
 * phonetic, equivalent, skeleton or exact matches share at least one key, so the data layer can preselect
 * candidates with `name_keys && $keys` instead of scanning every record. Example: "Muhammad" and "محمد" share
 * `s:62`; every key of "Schewtschenko" is one of "Shevchenko" (which adds its French reading ch = sh).
 */
export function searchKeys(name: string): string[] {
  const parts = nameParts(name);
  const keys = new Set<string>();
  const add = (p: NamePart | null) => {
    for (const r of p?.readings ?? []) for (const k of readingKeys(r)) keys.add(k);
  };
  parts.forEach((p, i) => {
    add(p);
    const next = parts[i + 1];
    if (next && next.script === p.script)
      add(partOf({ source: p.source + next.source, script: p.script, joinedWith: null }));
  });
  return [...keys].sort();
}
