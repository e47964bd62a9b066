import i18next from 'i18next';

/** UI languages of the staff app, default first (German); same list as contracts `ZStaffLocale`. */
export const UI_LANGUAGES = ['de', 'en'] as const;
/** One UI language. */
export type TUiLanguage = (typeof UI_LANGUAGES)[number];

/** localStorage key holding the language chosen on this device. */
export const LANGUAGE_STORAGE_KEY = 'kausa.language';

/** True when `value` is one of {@link UI_LANGUAGES}. */
export function isUiLanguage(value: unknown): value is TUiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen on this device, or null when none was chosen yet. */
export function storedLanguage(): TUiLanguage | null {
  try {
    const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isUiLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** Switches the UI language; with `remember` also stores it on this device. */
export async function switchLanguage(language: TUiLanguage, remember = true): Promise<void> {
  if (remember) {
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Storage may be blocked (private mode); the switch still works for this visit.
    }
  }
  if (i18next.language !== language) await i18next.changeLanguage(language);
}
