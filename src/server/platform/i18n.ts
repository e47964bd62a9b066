import { negotiate } from '@fastify/accept-negotiator';
import i18next, { type TFunction } from 'i18next';
import { z } from 'zod';
import de from '../../locales/de.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };

/** Languages the server answers in (problem+json messages); German is the default. */
export const SERVER_LANGUAGES = ['de', 'en'] as const;
/** A server language. */
export type ServerLanguage = (typeof SERVER_LANGUAGES)[number];

const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  lng: 'de',
  fallbackLng: 'de',
  supportedLngs: [...SERVER_LANGUAGES],
  resources: { de: { translation: de }, en: { translation: en } },
  interpolation: { escapeValue: false },
});

const zodLocales = { de: z.locales.de(), en: z.locales.en() };

/**
 * Picks the response language from an `Accept-Language` header (RFC 9110 §12.5.4, quality values
 * honoured; region subtags such as `en-GB` count for their language). Default `de`.
 */
export function pickLanguage(header: string | undefined): ServerLanguage {
  if (!header) return 'de';
  const primaries = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      return [tag.split('-')[0]?.toLowerCase() ?? '', ...params].join(';');
    })
    .join(',');
  return negotiate(primaries, [...SERVER_LANGUAGES]) ?? 'de';
}

/** Translation function for one language, over the shared locale files in `src/locales`. */
export function translator(lang: ServerLanguage): TFunction {
  return i18n.getFixedT(lang);
}

/** What a size bound applies to, by zod's `origin` of a too_small/too_big issue. */
const BOUND_KINDS: Record<string, 'number' | 'text' | 'list'> = {
  number: 'number',
  int: 'number',
  bigint: 'number',
  string: 'text',
  array: 'list',
  set: 'list',
};

/**
 * Our own wording of a number, text-length or list-length bound ("Der Wert muss mindestens 1 sein.",
 * "Must be at most 999."), where zod's locale would name the type ("erwartet, dass number >=1 ist");
 * null for other issues (and exact lengths), which keep zod's message.
 */
function boundMessage(lang: ServerLanguage, issue: z.core.$ZodRawIssue): string | null {
  if (issue.code !== 'too_small' && issue.code !== 'too_big') return null;
  const kind = BOUND_KINDS[String(issue.origin)];
  if (!kind || issue.exact) return null;
  const small = issue.code === 'too_small';
  const bound = small ? issue.minimum : issue.maximum;
  if (typeof bound !== 'number' && typeof bound !== 'bigint') return null;
  const t = translator(lang);
  const side = small ? 'min' : 'max';
  if (kind === 'number') {
    const exclusive = issue.inclusive === false ? '_exclusive' : '';
    const value = new Intl.NumberFormat(lang).format(bound);
    return t(`fieldErrors.number_${side}${exclusive}`, { value });
  }
  return t(`fieldErrors.${kind}_${side}`, { count: Number(bound) });
}

/** What a value should have been, by zod's `expected` of an invalid_type issue (`fieldErrors.expected_*`). */
const EXPECTED_KINDS: Record<string, string> = {
  number: 'number',
  int: 'integer',
  bigint: 'integer',
  boolean: 'boolean',
  string: 'text',
  array: 'list',
  object: 'object',
};

/**
 * Our own wording of a wrong type ("Bitte eine Zahl angeben.") or a missing value, where zod's locale would
 * name types, some untranslated ("erwartet Zahl, erhalten string"); null for other issues and types.
 */
function typeMessage(lang: ServerLanguage, issue: z.core.$ZodRawIssue): string | null {
  if (issue.code !== 'invalid_type') return null;
  const t = translator(lang);
  if (issue.input === undefined) return t('fieldErrors.required');
  const kind = EXPECTED_KINDS[String(issue.expected)];
  return kind ? t(`fieldErrors.expected_${kind}`) : null;
}

/**
 * The message for a validation issue: our wording of number and length bounds (`boundMessage`) and of
 * wrong or missing values (`typeMessage`), otherwise zod's own translated message (zod ships `de` and `en`
 * locales).
 */
export function zodMessage(lang: ServerLanguage, issue: z.core.$ZodRawIssue): string {
  const own = boundMessage(lang, issue) ?? typeMessage(lang, issue);
  if (own) return own;
  const msg = zodLocales[lang].localeError?.(issue);
  if (typeof msg === 'string') return msg;
  return msg?.message ?? issue.message ?? 'invalid';
}
