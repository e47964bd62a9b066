import type { TClientLanguage } from '../../../../contracts/self-service';
import { FORM_AR } from './form.ar';
import { FORM_DE, FORM_DE_TEXTS, type FormKey } from './form.de';
import { FORM_DE_LS } from './form.de-x-ls';
import { FORM_EN } from './form.en';
import { FORM_FA } from './form.fa';
import { FORM_TR } from './form.tr';
import type { FormTexts } from './form.types';
import { FORM_UK } from './form.uk';

export type { FormKey } from './form.de';

/** The profile form texts of every client language (German is the source). */
export const FORMS: Record<TClientLanguage, FormTexts<FormKey>> = {
  de: FORM_DE,
  'de-x-ls': FORM_DE_LS,
  en: FORM_EN,
  ar: FORM_AR,
  fa: FORM_FA,
  uk: FORM_UK,
  tr: FORM_TR,
};

/** Every form key, in the German source's order. */
export const FORM_KEYS = Object.keys(FORM_DE_TEXTS) as FormKey[];

/** Keys a language lacks (they show German). */
export function missingFormKeys(lang: TClientLanguage): FormKey[] {
  const texts = FORMS[lang].texts;
  return FORM_KEYS.filter((k) => !texts[k]);
}

/**
 * One form text in `lang` (German when the translation lacks it) with `{{name}}` placeholders
 * filled from `values`.
 */
export function formText(lang: TClientLanguage, key: FormKey, values: Record<string, string> = {}): string {
  const raw = FORMS[lang].texts[key] ?? FORM_DE_TEXTS[key];
  return raw.replace(/\{\{(\w+)\}\}/g, (m, name: string) => values[name] ?? m);
}
