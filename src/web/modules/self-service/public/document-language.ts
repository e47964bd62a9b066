import { useLayoutEffect } from 'react';
import {
  directionOf,
  htmlLangOf,
  type TClientLanguage,
  ZClientLanguage,
} from '../../../../contracts/self-service';

/** localStorage key of the language a client chose on the profile form (this device only). */
export const PROFILE_LANGUAGE_KEY = 'kausa.profileLanguage';

/** The language chosen on this device before, or undefined (then the link's language is used). */
export function storedProfileLanguage(): TClientLanguage | undefined {
  try {
    const parsed = ZClientLanguage.safeParse(localStorage.getItem(PROFILE_LANGUAGE_KEY));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers the chosen language on this device (the server remembers it with the draft too). */
export function rememberProfileLanguage(lang: TClientLanguage): void {
  try {
    localStorage.setItem(PROFILE_LANGUAGE_KEY, lang);
  } catch {
    // Storage may be blocked (private mode): the choice still holds for this visit and in the draft.
  }
}

/**
 * Sets `<html lang dir>` to a client language while the page is shown (Arabic and Farsi right to
 * left; Mantine's DirectionProvider follows the attribute) and restores the app's values afterwards.
 */
export function useDocumentLanguage(lang: TClientLanguage): void {
  useLayoutEffect(() => {
    const root = document.documentElement;
    const before = { lang: root.lang, dir: root.dir };
    root.lang = htmlLangOf(lang);
    root.dir = directionOf(lang);
    return () => {
      root.lang = before.lang;
      root.dir = before.dir;
    };
  }, [lang]);
}
