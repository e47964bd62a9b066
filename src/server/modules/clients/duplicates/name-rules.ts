/**
 * The rule tables of the name keys (see name-key.ts for the pipeline): characters folded before
 * transliteration, the ordered transliteration folds, names that no sound rule relates, and the
 * alternative readings of Latin letters in other source orthographies. Each rule says why.
 */

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
