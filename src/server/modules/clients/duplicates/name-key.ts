import anyAscii from 'any-ascii';
import { colognePhonetic } from 'cologne-phonetic';
import { doubleMetaphone } from 'double-metaphone';

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

/**
 * Letters mapped before any-ascii (which would strip them to the bare base letter):
 * - `ß → ss` (German; any-ascii agrees); umlauts `ä ö ü` are left to any-ascii (→ a o u), and the spelled-out
 *   `ae oe ue` are folded to the same letters (rule `umlaut_digraph`), so Müller = Mueller = Muller.
 * - `š č ž` (Czech/Croatian/scholarly transliteration of Cyrillic, "Ševčenko") and Polish `ś ć ź ż` → `sh ch zh`,
 *   the digraphs of the English/Ukrainian-passport spelling they stand for ("Shevchenko").
 * - Turkish/Kurdish `ş ç ğ` → `s c g`: German records of Turkish names mostly drop the cedilla (Ayse, Celik), so
 *   the stripped form is the primary reading; a phonetic spelling ("Aysche") still meets it in Kölner Phonetik.
 */
export const PRE_ASCII: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  š: 'sh',
  č: 'ch',
  ž: 'zh',
  ś: 'sh',
  ć: 'ch',
  ź: 'zh',
  ż: 'zh',
  đ: 'dj',
  ş: 's',
  ç: 'c',
  ğ: 'g',
};

/** One transliteration fold, applied in order; `example` is what this rule alone must produce. */
export interface FoldRule {
  id: string;
  from: RegExp;
  to: string | ((match: string, ...groups: string[]) => string);
  /** `[input, output]` of this rule alone. */
  example: readonly [string, string];
}

const rule = (id: string, from: RegExp, to: FoldRule['to'], example: [string, string]): FoldRule => ({
  id,
  from,
  to,
  example,
});

/**
 * Folds applied, in this order, to a lower-case a–z string; the comment above each says why. Folding is
 * many-to-one on purpose: two spellings of one name must meet; that distinct names may meet too is handled by
 * the vowel-shape checks in match.ts. Sources: German Duden transliteration (sch, tsch, dsch, w, j, ch),
 * Ukrainian passport transliteration (KMU resolution 55/2010: kh, zh, ch, ia/iu/ie, i/y), English/ALA-LC-style
 * Arabic and Persian romanisation (kh, gh, th, dh, q, ee, oo), Turkish, Kurdish and Somali orthography, French
 * Maghreb spellings.
 */
export const FOLD_RULES: readonly FoldRule[] = [
  // German sch = English sh (Schewtschenko, Aischa, Raschid).
  rule('sch_sh', /sch/g, 'sh', ['aischa', 'aisha']),
  // German tsch (tsh after sch_sh) and French tch = English ch (Schewtschenko/Shevchenko).
  rule('tsh_ch', /t(?:sh|ch)/g, 'ch', ['shewtshenko', 'shewchenko']),
  // German dsch, Russian-English dzh, French dj = English j (Dschamal/Dzhamal/Djamal/Jamal).
  rule('dsh_j', /d(?:sh|zh|j)/g, 'j', ['dshamal', 'jamal']),
  // Cyrillic ж: passport zh, German sch (Zhukov/Schukow).
  rule('zh_sh', /zh/g, 'sh', ['zhukov', 'shukov']),
  // Arabic خ, Cyrillic х: English kh, Turkish h (Khaled/Haled, Khalil/Halil, Mykhailo).
  rule('kh_h', /kh/g, 'h', ['khaled', 'haled']),
  // German ch for the same sound (Chaled/Khaled, Michail/Mikhail); Slavic ch (from tsch) folds alike everywhere.
  rule('ch_h', /ch/g, 'h', ['chaled', 'haled']),
  // Arabic/Persian غ: gh or g (Ghassan/Gassan, Sadeghi/Sadegi, Gholam/Golam).
  rule('gh_g', /gh/g, 'g', ['sadeghi', 'sadegi']),
  // ph = f (Mustapha/Mustafa).
  rule('ph_f', /ph/g, 'f', ['mustapha', 'mustafa']),
  // Arabic ث ذ ض and Somali dh are written with or without h (Othman/Otman, Dhahir/Dahir).
  rule('th_dh', /([td])h/g, '$1', ['othman', 'otman']),
  // Arabic ق: q or k (Qasim/Kasim, Sadeqi/Sadeki); German ck = k.
  rule('q_k', /q|ck/g, 'k', ['qasim', 'kasim']),
  // German reading of c: z before e/i/y, else k (Nicolai/Nikolai); Turkish and Somali c are alternate readings.
  rule('c_kz', /c([eiy]?)/g, (_c, v) => (v ? `z${v}` : 'k'), ['nicolai', 'nikolai']),
  // x = ks (Alexander/Aleksandr, Xenia/Kseniia); Somali and Kurmanji x (ḥ, kh) are alternate readings.
  rule('x_ks', /x/g, 'ks', ['alexander', 'aleksander']),
  // German w = v (Wladimir/Vladimir, Kowalenko/Kovalenko); English w (Walid) folds alike everywhere.
  rule('w_v', /w/g, 'v', ['wladimir', 'vladimir']),
  // German j = English y = i of a diphthong (Jusuf/Yusuf, Nikolaj/Nikolay/Nikolai, Serhiy/Serhii, Zaynab/Zainab).
  rule('jy_i', /[jy]/g, 'i', ['nikolay', 'nikolai']),
  // English ee, German ie = long i (Kareem/Karim, Ayesha/Aisha, Tesfaye/Tesfay); a word-initial i is the
  // glide of y/j (Yevhen, Jelena) and stays.
  rule('ee_ie_i', /(?<!^)[ie]e/g, 'i', ['kareem', 'karim']),
  // Umlauts spelled out (German passports, MRZ): Mueller/Müller/Muller, Oeztuerk/Öztürk.
  rule('umlaut_digraph', /([aou])e/g, '$1', ['mueller', 'muller']),
  // English/French ou, oo = u (Yousef/Yusuf, Noor/Nour/Nur).
  rule('ou_oo_u', /o[ou]/g, 'u', ['nour', 'nur']),
  // German ei is said ai; Persian/Turkish e for Arabic a (Hussein/Husain, Zeynep/Zainab).
  rule('ei_ai', /ei/g, 'ai', ['hussein', 'hussain']),
  // Arabic has one back vowel: o and u both write damma (Mohammad/Muhammad, Omar/Umar, Hossein/Husain).
  rule('o_u', /o/g, 'u', ['omar', 'umar']),
  // Final Persian ه / Arabic ة written -eh, -ah or -a (Fatemeh/Fatima, Abdullah/Abdulla, Zadeh/Zada).
  rule('final_h', /([ae])h$/, 'a', ['fatemeh', 'fatema']),
  // Gemination (shadda) written or not (Hassan/Hasan, Mohammad/Mohamad, Youssef/Yousef, Serhii/Serhi).
  rule('double', /([a-z])\1+/g, '$1', ['hassan', 'hasan']),
];

/** Applies one rule to a string. */
export function applyFoldRule(rule: FoldRule, s: string): string {
  return typeof rule.to === 'string' ? s.replace(rule.from, rule.to) : s.replace(rule.from, rule.to);
}

/** All `FOLD_RULES` in order on a lower-case a–z string ("Schewtschenko" → "shevhenku"). */
export function foldLatin(ascii: string): string {
  return FOLD_RULES.reduce((s, rule) => applyFoldRule(rule, s), ascii);
}

/**
 * `abd` + linking vowel/article + rest → `abd` + rest, so Abdulrahman, Abdelrahman, Abdurrahman (sun letter),
 * Abdirahman (Somali), Abd al-Rahman and Abdul Rahman (joined before) all become "abdrahman"; Abdullah,
 * Abdallah, Abdollah (Persian) become "abdlah". The rest must have ≥ 2 letters, so Abdi and Abdul alone stay.
 */
export function unifyAbd(ascii: string): string {
  return ascii.replace(/^abd(?:oul|ul|el|al|ol|il|ou|u|e|a|o|i)?(?=[a-z]{2})/, 'abd');
}

/**
 * Same names in two languages that no sound rule relates, one group each; the first spelling is the
 * canonical key. Mostly Ukrainian (passport, KMU 2010) ↔ Russian (BGN/PCGN, German Duden) given names;
 * Muhammad variants incl. Somali (Maxamed), Kurmanji (Mihemed) and Syrian abbreviations (Mhd). Turkish
 * Mehmet is deliberately absent: although it derives from Muhammad it is a distinct given name in Turkey
 * (Mehmet and Muhammed are registered as different names), so merging them would join different people.
 */
export const EQUIVALENT_NAMES: readonly (readonly string[])[] = [
  [
    'Mohammad',
    'Muhammad',
    'Mohammed',
    'Mohamed',
    'Muhammed',
    'Muhammet',
    'Mohamad',
    'Mhd',
    'Mohd',
    'Maxamed',
    'Mihemed',
  ],
  ['Oleksandr', 'Aleksandr', 'Alexander', 'Olexandr', 'Aleksander', 'Alexandr'],
  ['Oleksii', 'Oleksiy', 'Aleksei', 'Aleksey', 'Alexej', 'Alexei'],
  ['Olena', 'Elena', 'Jelena', 'Yelena'],
  ['Mykola', 'Nikolai', 'Nikolaj', 'Nikolay', 'Mikola'],
  ['Mykhailo', 'Mikhail', 'Michail', 'Mychajlo'],
  ['Serhii', 'Serhiy', 'Sergii', 'Sergiy', 'Sergei', 'Sergej', 'Sergey'],
  ['Hryhorii', 'Hryhoriy', 'Grigorii', 'Grigorij', 'Grigori'],
  ['Heorhii', 'Heorhiy', 'Georgii', 'Georgij', 'Georgi'],
  ['Ihor', 'Igor'],
  ['Oleh', 'Oleg'],
  ['Bohdan', 'Bogdan'],
  ['Halyna', 'Galina'],
  ['Hanna', 'Anna', 'Ganna'],
  ['Volodymyr', 'Vladimir', 'Wladimir', 'Wolodymyr'],
  ['Dmytro', 'Dmitrii', 'Dmitrij', 'Dmitri', 'Dmitry'],
  ['Andrii', 'Andriy', 'Andrei', 'Andrej', 'Andrey'],
  ['Petro', 'Petr', 'Pjotr', 'Pyotr'],
  ['Pavlo', 'Pavel', 'Pawel'],
  ['Vasyl', 'Vasilii', 'Vasiliy', 'Wassili', 'Vasily'],
  ['Kateryna', 'Ekaterina', 'Jekaterina', 'Yekaterina', 'Katerina'],
  ['Tetiana', 'Tatiana', 'Tatjana', 'Tatyana', 'Tetyana'],
  ['Yevhen', 'Ievgen', 'Yevgeniy', 'Evgenii', 'Evgeniy', 'Jewgeni', 'Jewgenij'],
  ['Liudmyla', 'Ludmila', 'Ljudmila', 'Lyudmila'],
  ['Kyrylo', 'Kirill', 'Kirilo'],
];

/** How a Latin letter sequence is read in another source orthography: an extra reading of a part. */
export interface AlternateReading {
  id: string;
  /** Applies to the ASCII form before folding; returns null when the reading does not apply. */
  apply: (ascii: string) => string | null;
  why: string;
  /** `[input, output]` of this reading (before folding). */
  example: readonly [string, string];
}

const changed = (a: string, b: string): string | null => (a === b ? null : b);

/** Extra readings of a Latin part, each scored slightly lower than the plain reading (match.ts). */
export const ALTERNATE_READINGS: readonly AlternateReading[] = [
  {
    id: 'somali',
    apply: (s) => changed(s, s.replace(/c(?=[aeiou])/g, '').replace(/x/g, 'h')),
    why: 'Somali Latin orthography: c (before a vowel) = ayn (Cabdi/Abdi, Cumar/Omar), x = ḥ (Xasan/Hassan, Maxamed)',
    example: ['cabdiraxmaan', 'abdirahmaan'],
  },
  {
    id: 'turkic',
    apply: (s) => changed(s, s.replace(/c(?=[aeiou])/g, 'j').replace(/x/g, 'h')),
    why: 'Turkish and Kurmanji c (before a vowel) = English j (Cemal/Jamal, Cengiz/Jengiz); Kurmanji x = kh (Xelîl/Khalil)',
    example: ['cemal', 'jemal'],
  },
  {
    id: 'french',
    apply: (s) => changed(s, s.replace(/(?<![st])ch/g, 'sh')),
    why: 'French Maghreb spelling: ch = sh (Aicha/Aisha, Rachid/Rashid, Cherif/Sharif)',
    example: ['rachid', 'rashid'],
  },
  {
    id: 'particle',
    apply: (s) => {
      const m = /^(?:al|el|ben|bin|ibn)([a-z]+)$/.exec(s);
      const rest = m?.[1];
      if (!rest) return null;
      return rest.length >= (/^[aeiou]/.test(rest) ? 5 : 4) ? rest : null;
    },
    why: 'article or patronymic written joined (Alhassan/Al-Hassan, Alahmad/Al Ahmad, Bensalah/Ben Salah)',
    example: ['alhassan', 'hassan'],
  },
];

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
