import { Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyApiError, FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { PasswordField } from '../../../ui/password-field';
import { useChangePassword } from '../api';

/** Minimum length of a new password (contracts `ZNewPassword`, NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 12;

/** Props of {@link PasswordChangeForm}. */
export interface PasswordChangeFormProps {
  /** Called after the server accepted the new password. */
  onChanged?: () => void;
}

/** Current + new + repeated password; `POST /api/users/me/password`. */
export function PasswordChangeForm({ onChanged }: PasswordChangeFormProps) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('account.password.currentRequired')),
      newPassword: (value) =>
        value.length < MIN_PASSWORD_LENGTH
          ? t('account.password.tooShort', { min: MIN_PASSWORD_LENGTH })
          : value.length > 200
            ? t('account.password.tooLong', { max: 200 })
            : null,
      confirmPassword: (value, values) =>
        value === values.newPassword ? null : t('account.password.mismatch'),
    },
  });

  const submit = form.onSubmit(({ currentPassword, newPassword }) => {
    setMessage(null);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifySuccess(t('account.password.changed'));
          onChanged?.();
        },
        onError: (error) => setMessage(applyApiError(form, error, t)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={440}>
        <FormAlert message={message} />
        <PasswordField
          label={t('account.password.current')}
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <PasswordField
          label={t('account.password.new')}
          description={t('account.password.rule', { min: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
        />
        <PasswordField
          label={t('account.password.confirm')}
          autoComplete="new-password"
          required
          {...form.getInputProps('confirmPassword')}
        />
        <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('account.password.submit')}
        </Button>
      </Stack>
    </form>
  );
}
