import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../ui/overlays';
import type { TUserWithPassword } from '../api';

/** Props of {@link OneTimePasswordModal}. */
export interface OneTimePasswordModalProps {
  /** The user and generated password to show; null → closed. */
  value: TUserWithPassword | null;
  onClose: () => void;
}

/**
 * Shows a generated one-time password exactly once, with a copy button. Does not close on an outside
 * click, so the password is not lost by accident.
 */
export function OneTimePasswordModal({ value, onClose }: OneTimePasswordModalProps) {
  const { t } = useTranslation();
  const password = value?.oneTimePassword ?? '';
  return (
    <AppModal
      opened={value !== null && password !== ''}
      onClose={onClose}
      title={t('users.otp.title')}
      closeOnClickOutside={false}
      size="lg"
    >
      <Stack>
        <Text>
          {t('users.otp.intro', { name: value?.user.displayName ?? '', email: value?.user.email ?? '' })}
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Text fw={600}>{t('users.otp.label')}:</Text>
          <Code fz="lg" px="md" py="xs" data-testid="one-time-password">
            {password}
          </Code>
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button variant={copied ? 'filled' : 'default'} onClick={copy} aria-live="polite">
                {copied ? t('users.otp.copied') : t('users.otp.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text>{t('users.otp.hint')}</Text>
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            {t('users.otp.done')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
