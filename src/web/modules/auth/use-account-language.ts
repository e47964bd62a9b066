import { useEffect } from 'react';
import { storedLanguage, switchLanguage } from '../../lib/language';
import { useMe } from './api';

/**
 * Applies the signed-in user's saved language (`user.locale`) when this device has no language
 * choice of its own; a choice made on this device (language switch) wins.
 */
export function useAccountLanguage(): void {
  const { data: user } = useMe();
  const locale = user?.locale;
  useEffect(() => {
    if (locale && !storedLanguage()) void switchLanguage(locale, false);
  }, [locale]);
}
