import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from '../../locales/de.json';
import en from '../../locales/en.json';
import { directionOf } from '../lib/direction';
import { storedLanguage, UI_LANGUAGES } from '../lib/language';

/** Sets `<html lang dir>` for `language` (Mantine does not do it, see STACK.md). */
function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

/**
 * Initialises i18next synchronously with the bundled de/en resources; the language is the one stored
 * on this device, else German. Keeps `<html lang dir>` in step with every language change.
 */
export function initI18n(): typeof i18next {
  if (i18next.isInitialized) return i18next;
  i18next.on('languageChanged', applyDocumentLanguage);
  void i18next.use(initReactI18next).init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng: storedLanguage() ?? 'de',
    fallbackLng: 'de',
    supportedLngs: [...UI_LANGUAGES],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(i18next.language);
  return i18next;
}
