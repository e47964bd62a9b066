import type { TClientLanguage } from '../../../../contracts/self-service';

/**
 * The client languages with their own names (endonyms), German first, for the language picker: each
 * name is readable by someone who reads only that language. Same names as the server's form.
 */
export const LANGUAGE_ENDONYMS: ReadonlyArray<{ code: TClientLanguage; name: string }> = [
  { code: 'de', name: 'Deutsch' },
  { code: 'de-x-ls', name: 'Leichte Sprache' },
  { code: 'en', name: 'English' },
  { code: 'ar', name: 'العربية' },
  { code: 'fa', name: 'فارسی / دری' },
  { code: 'uk', name: 'Українська' },
  { code: 'tr', name: 'Türkçe' },
];
