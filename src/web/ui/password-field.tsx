import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Mantine `PasswordInput` whose show/hide toggle has a translated accessible name and whose input
 * carries `aria-invalid` when it shows an error (Mantine sets only `data-invalid` there).
 */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      visibilityToggleButtonProps={{ 'aria-label': t('app.showCharacters') }}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}
