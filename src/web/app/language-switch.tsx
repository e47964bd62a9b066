import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguageChoice } from '../modules/auth';

/**
 * "Deutsch | English" toggle buttons (`aria-pressed` marks the active one). Remembered on this device
 * and, when signed in, saved on the account.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, languages, choose } = useLanguageChoice();
  return (
    <Group gap={4} role="group" aria-label={t('app.languageSwitch')} wrap="nowrap">
      {languages.map((code) => (
        <Button
          key={code}
          size="compact-sm"
          variant={code === language ? 'filled' : 'default'}
          aria-pressed={code === language}
          lang={code}
          onClick={() => choose(code)}
        >
          {t(`languages.${code}`)}
        </Button>
      ))}
    </Group>
  );
}
