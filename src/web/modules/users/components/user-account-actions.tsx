import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TUser } from '../../../../contracts/users';
import { isApiError } from '../../../lib/api';
import { AccountStatusBadge } from '../../../ui/badges';
import { errorMessage } from '../../../ui/error-message';
import { notifySuccess } from '../../../ui/notify';
import { type TUserWithPassword, useResetPassword, useUpdateUser } from '../api';

/** Props of {@link UserAccountActions}. */
export interface UserAccountActionsProps {
  user: TUser;
  /** True when `user` is the signed-in admin (who cannot disable themselves). */
  isSelf: boolean;
  onError: (message: string | null, conflict: boolean) => void;
  onPasswordReset: (result: TUserWithPassword) => void;
}

/** Disable/enable the account and reset its password (with an inline confirmation step). */
export function UserAccountActions({ user, isSelf, onError, onPasswordReset }: UserAccountActionsProps) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [confirmReset, setConfirmReset] = useState(false);
  const fail = (error: unknown) => onError(errorMessage(error, t), isApiError(error, 409));

  const toggleDisabled = () => {
    onError(null, false);
    update.mutate(
      { id: user.id, version: user.version, disabled: !user.disabled },
      {
        onSuccess: ({ user: saved }) =>
          notifySuccess(
            t(saved.disabled ? 'users.disabledDone' : 'users.enabledDone', { name: saved.displayName }),
          ),
        onError: fail,
      },
    );
  };

  const resetPassword = () => {
    onError(null, false);
    reset.mutate(user.id, {
      onSuccess: (result) => {
        setConfirmReset(false);
        onPasswordReset(result);
      },
      onError: fail,
    });
  };

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('users.account.title')}
      </Title>
      <Group gap="sm">
        <Text>{t('users.fields.status')}:</Text>
        <AccountStatusBadge disabled={user.disabled} />
      </Group>
      <Group gap="sm">
        {!isSelf ? (
          <Button variant="default" color="red" onClick={toggleDisabled} loading={update.isPending}>
            {user.disabled ? t('users.account.enable') : t('users.account.disable')}
          </Button>
        ) : null}
        {!confirmReset ? (
          <Button variant="default" onClick={() => setConfirmReset(true)}>
            {t('users.account.resetPassword')}
          </Button>
        ) : null}
      </Group>
      {confirmReset ? (
        <Alert color="blue" variant="light" title={t('users.account.resetConfirmTitle')}>
          <Stack gap="sm">
            <Text size="sm">{t('users.account.resetConfirmText', { name: user.displayName })}</Text>
            <Group gap="sm">
              <Button onClick={resetPassword} loading={reset.isPending}>
                {t('users.account.resetConfirm')}
              </Button>
              <Button variant="default" onClick={() => setConfirmReset(false)}>
                {t('app.cancel')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
