import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { isUiLanguage, switchLanguage, UI_LANGUAGES } from '../../lib/language';
import { errorMessage } from '../../ui/error-message';
import { useMe, useUpdateMyLocale } from './api';

/**
 * Current UI language and a `choose` function that switches it, remembers it on this device
 * (localStorage) and, when signed in, stores it on the account (`PATCH /api/users/me`).
 */
export function useLanguageChoice() {
  const { i18n, t } = useTranslation();
  const me = useMe();
  const update = useUpdateMyLocale();
  const language = i18n.resolvedLanguage ?? i18n.language;

  const choose = (value: string) => {
    if (!isUiLanguage(value)) return;
    void switchLanguage(value);
    if (me.data && me.data.locale !== value) {
      update.mutate(value, {
        onError: (error) =>
          notifications.show({
            color: 'red',
            message: errorMessage(error, t),
            closeButtonProps: { 'aria-label': t('app.close') },
          }),
      });
    }
  };

  return { language, languages: UI_LANGUAGES, choose };
}
