import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRole } from '../../../../contracts/common';
import type { TOffice } from '../../../../contracts/offices';
import { ZEmail } from '../../../../contracts/users';
import { applyApiError, FormAlert } from '../../../ui/form-errors';
import { AppModal } from '../../../ui/overlays';
import { PasswordField } from '../../../ui/password-field';
import { type TUserWithPassword, useCreateUser } from '../api';
import { LocaleSelect, OfficeSelect, RoleSelect } from './user-fields';

/** Props of {@link CreateUserModal}. */
export interface CreateUserModalProps {
  opened: boolean;
  onClose: () => void;
  offices: readonly TOffice[];
  /** Called with the new user and its one-time password (null when a password was given). */
  onCreated: (result: TUserWithPassword) => void;
}

/** Modal form creating a user (`POST /api/users`, admin). */
export function CreateUserModal({ opened, onClose, offices, onCreated }: CreateUserModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('users.createTitle')} size="lg">
      {opened ? <CreateUserForm offices={offices} onCancel={onClose} onCreated={onCreated} /> : null}
    </AppModal>
  );
}

function CreateUserForm({
  offices,
  onCancel,
  onCreated,
}: Pick<CreateUserModalProps, 'offices' | 'onCreated'> & { onCancel: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      email: '',
      displayName: '',
      role: 'counsellor' as TRole,
      officeId: '',
      locale: 'de' as 'de' | 'en',
      password: '',
    },
    validate: {
      email: (value) => (ZEmail.safeParse(value).success ? null : t('users.validation.email')),
      displayName: (value) => (value.trim().length >= 2 ? null : t('users.validation.displayName')),
      officeId: (value) => (value ? null : t('users.validation.office')),
      password: (value) =>
        value === '' || value.length >= 12 ? null : t('users.validation.password', { min: 12 }),
    },
  });

  const submit = form.onSubmit((values) => {
    setMessage(null);
    const { password, ...rest } = values;
    create.mutate(
      {
        ...rest,
        email: rest.email.trim(),
        displayName: rest.displayName.trim(),
        ...(password ? { password } : {}),
      },
      {
        onSuccess: (result) => onCreated(result),
        onError: (error) => setMessage(applyApiError(form, error, t)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormAlert message={message} />
        <TextInput
          label={t('users.fields.email')}
          type="email"
          autoComplete="off"
          required
          data-autofocus
          {...form.getInputProps('email')}
        />
        <TextInput label={t('users.fields.displayName')} required {...form.getInputProps('displayName')} />
        <RoleSelect required {...form.getInputProps('role')} />
        <OfficeSelect
          offices={offices}
          emptyLabel={t('users.chooseOffice')}
          required
          {...form.getInputProps('officeId')}
        />
        <LocaleSelect {...form.getInputProps('locale')} />
        <PasswordField
          label={t('users.fields.initialPassword')}
          description={t('users.initialPasswordHint')}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('users.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
