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

/** Zod's own translated message for a validation issue (zod ships `de` and `en` locales). */
export function zodMessage(lang: ServerLanguage, issue: z.core.$ZodRawIssue): string {
  const msg = zodLocales[lang].localeError?.(issue);
  if (typeof msg === 'string') return msg;
  return msg?.message ?? issue.message ?? 'invalid';
}
