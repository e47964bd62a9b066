import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { TRole } from '../../../../contracts/common';
import type { TOffice } from '../../../../contracts/offices';
import type { TUser } from '../../../../contracts/users';
import { isApiError } from '../../../lib/api';
import { applyApiError } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { useUpdateUser } from '../api';
import { LocaleSelect, OfficeSelect, RoleSelect } from './user-fields';

/** Props of {@link EditUserForm}. */
export interface EditUserFormProps {
  /** The user as last read; its `version` is sent with the change. Remount (key) on a new version. */
  user: TUser;
  offices: readonly TOffice[];
  /** Called with the general error message (or null to clear it) and whether it was a 409 conflict. */
  onError: (message: string | null, conflict: boolean) => void;
  onCancel: () => void;
}

/** Name, role, office and language of a user; sends only the changed fields plus `version`. */
export function EditUserForm({ user, offices, onError, onCancel }: EditUserFormProps) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const form = useForm({
    initialValues: {
      displayName: user.displayName,
      role: user.role as TRole,
      officeId: user.officeId,
      locale: user.locale as 'de' | 'en',
    },
    validate: {
      displayName: (value) => (value.trim().length >= 2 ? null : t('users.validation.displayName')),
      officeId: (value) => (value ? null : t('users.validation.office')),
    },
  });

  const submit = form.onSubmit((values) => {
    onError(null, false);
    const displayName = values.displayName.trim();
    const changes = {
      ...(displayName !== user.displayName ? { displayName } : {}),
      ...(values.role !== user.role ? { role: values.role } : {}),
      ...(values.officeId !== user.officeId ? { officeId: values.officeId } : {}),
      ...(values.locale !== user.locale ? { locale: values.locale } : {}),
    };
    if (Object.keys(changes).length === 0) {
      notifySuccess(t('users.noChanges'));
      return;
    }
    update.mutate(
      { id: user.id, version: user.version, ...changes },
      {
        onSuccess: ({ user: saved }) => notifySuccess(t('users.saved', { name: saved.displayName })),
        onError: (error) => onError(applyApiError(form, error, t), isApiError(error, 409)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('users.fields.email')} value={user.email} readOnly />
        <TextInput label={t('users.fields.displayName')} required {...form.getInputProps('displayName')} />
        <RoleSelect required {...form.getInputProps('role')} />
        <OfficeSelect offices={offices} required {...form.getInputProps('officeId')} />
        <LocaleSelect {...form.getInputProps('locale')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('app.close')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
