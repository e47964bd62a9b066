/**
 * ISO 3166-1 alpha-2 country codes (officially assigned, 249; plus XK Kosovo, the user-assigned code in
 * common use by the EU and German authorities). Names come from `Intl.DisplayNames` in the UI language.
 */
export const COUNTRY_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV ' +
  'BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ' +
  'ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE ' +
  'IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY ' +
  'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU ' +
  'NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM ' +
  'SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE ' +
  'VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ');

/**
 * Languages offered for "Sprachen" and the session language (ISO 639-1, or 639-3 where there is no
 * two-letter code: prs Dari, ckb Sorani, tzm Tamazight). Chosen for the countries of
 * origin KAUSA offices meet most; the list is a convenience, the API accepts any 2–3 letter code.
 */
export const LANGUAGE_CODES: readonly string[] = (
  'de en ar fa prs ps ku ckb tr uk ru pl ro bg sq sr hr bs mk el it es fr pt nl hu cs sk sl lt lv et ' +
  'ti am so om sw ha yo ig ln wo ff tzm ur hi pa bn ta si ne vi zh th tl ka hy az uz tk tg ky kk mn he ' +
  'rom'
).split(' ');

/** Display names of regions or languages in `language`; falls back to the code itself. */
export function displayNames(type: 'region' | 'language', language: string): (code: string) => string {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([language], { type, fallback: 'code' });
  } catch {
    names = null;
  }
  return (code: string) => {
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  };
}

/** `{ value, label }` options of `codes`, labelled in `language` and sorted by label (locale order). */
export function codeOptions(
  codes: readonly string[],
  type: 'region' | 'language',
  language: string,
): { value: string; label: string }[] {
  const name = displayNames(type, language);
  const collator = new Intl.Collator(language);
  return codes
    .map((code) => ({ value: code, label: name(code) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
