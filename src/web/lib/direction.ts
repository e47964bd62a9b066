/** Languages written right to left (for `<html dir>`); base language subtag, lower case. */
export const RTL_LANGUAGES: readonly string[] = ['ar', 'fa', 'he', 'ur', 'ps', 'ku'];

/** Writing direction of a BCP 47 language tag such as `de`, `fa-IR` or `de-x-ls`. */
export function directionOf(language: string): 'ltr' | 'rtl' {
  const base = language.toLowerCase().split('-')[0] ?? '';
  return RTL_LANGUAGES.includes(base) ? 'rtl' : 'ltr';
}
