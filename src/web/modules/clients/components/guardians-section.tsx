import { Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TClient } from '../../../../contracts/clients';
import { errorMessage } from '../../../ui/error-message';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { AppModal } from '../../../ui/overlays';
import { type TGuardian, useCreateGuardian, useDeleteGuardian, useUpdateGuardian } from '../api';
import { GUARDIAN_RELATIONS } from '../client-labels';
import { displayNames } from '../codes';
import { applyProblem, conflictChangedFields } from '../form-problems';
import { EnumSelect, LanguageSelect, useOptionalLabel } from './fields';

interface TGuardianFormValues {
  name: string;
  relation: string;
  phone: string;
  email: string;
  language: string;
  involvedInCounselling: boolean;
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** Modal adding a guardian (`guardian` null) or editing one. */
function GuardianModal({
  client,
  guardian,
  onClose,
}: {
  client: TClient;
  guardian: TGuardian | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const create = useCreateGuardian();
  const update = useUpdateGuardian();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<TGuardianFormValues>({
    initialValues: {
      name: guardian?.name ?? '',
      relation: guardian?.relation ?? 'mother',
      phone: guardian?.phone ?? '',
      email: guardian?.email ?? '',
      language: guardian?.language ?? '',
      involvedInCounselling: guardian?.involvedInCounselling ?? true,
    },
    validate: { name: (v) => (v.trim().length >= 2 ? null : t('clients.validation.guardianName')) },
  });
  const submit = form.onSubmit((values) => {
    setMessage(null);
    const body = {
      name: values.name.trim(),
      relation: values.relation as TGuardian['relation'],
      phone: orNull(values.phone),
      email: orNull(values.email),
      language: orNull(values.language),
      involvedInCounselling: values.involvedInCounselling,
    };
    const onError = (error: unknown) =>
      setMessage(conflictChangedFields(error) ? t('errors.conflict') : applyProblem(form, error, t));
    const onSuccess = () => {
      notifySuccess(t('clients.guardian.saved', { name: body.name }));
      onClose();
    };
    if (guardian) {
      update.mutate(
        { clientId: client.id, guardianId: guardian.id, version: guardian.version, ...body },
        { onSuccess, onError },
      );
    } else {
      create.mutate({ clientId: client.id, ...body }, { onSuccess, onError });
    }
  });
  return (
    <AppModal
      opened
      onClose={onClose}
      title={guardian ? t('clients.guardian.editTitle') : t('clients.guardian.addTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('clients.guardian.name')} required {...form.getInputProps('name')} />
          <EnumSelect
            label={t('clients.guardian.relation')}
            values={GUARDIAN_RELATIONS}
            prefix="clients.guardianRelation"
            withEmpty={false}
            {...form.getInputProps('relation')}
          />
          <TextInput
            label={optional(t('clients.fields.phone'))}
            type="tel"
            {...form.getInputProps('phone')}
          />
          <TextInput
            label={optional(t('clients.fields.email'))}
            type="email"
            {...form.getInputProps('email')}
          />
          <LanguageSelect
            label={optional(t('clients.guardian.language'))}
            emptyLabel={t('clients.notStated')}
            {...form.getInputProps('language')}
          />
          <Checkbox
            label={t('clients.guardian.involved')}
            {...form.getInputProps('involvedInCounselling', { type: 'checkbox' })}
          />
          <FormAlert message={message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** Guardians (parents) of a client: name, relation, contact, language, involvement; add, edit, remove. */
export function GuardiansSection({ client }: { client: TClient }) {
  const { t, i18n } = useTranslation();
  const language = displayNames('language', i18n.language);
  const remove = useDeleteGuardian();
  const [editing, setEditing] = useState<TGuardian | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <Button variant="default" onClick={() => setEditing('new')}>
          {t('clients.guardian.add')}
        </Button>
      </Group>
      <FormAlert message={message} />
      {client.guardians.length === 0 ? <Text>{t('clients.guardian.empty')}</Text> : null}
      <ul className="kausa-plain-list">
        {client.guardians.map((guardian) => (
          <li key={guardian.id}>
            <Paper withBorder p="sm" data-testid="guardian">
              <Group justify="space-between" align="flex-start" wrap="wrap">
                <Stack gap={2}>
                  <Title order={3} size="h5">
                    {guardian.name}
                  </Title>
                  <Text size="sm">
                    {[
                      t(`clients.guardianRelation.${guardian.relation}`),
                      guardian.language ? language(guardian.language) : null,
                      guardian.involvedInCounselling ? t('clients.guardian.involvedShort') : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                  {guardian.phone || guardian.email ? (
                    <Text size="sm">{[guardian.phone, guardian.email].filter(Boolean).join(' · ')}</Text>
                  ) : null}
                </Stack>
                <Group gap="xs">
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => setEditing(guardian)}
                    aria-label={`${t('app.edit')}: ${guardian.name}`}
                  >
                    {t('app.edit')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="default"
                    loading={remove.isPending && remove.variables?.guardianId === guardian.id}
                    onClick={() => {
                      if (!window.confirm(t('clients.guardian.removeConfirm', { name: guardian.name })))
                        return;
                      setMessage(null);
                      remove.mutate(
                        { clientId: client.id, guardianId: guardian.id },
                        { onError: (error) => setMessage(errorMessage(error, t)) },
                      );
                    }}
                    aria-label={t('clients.guardian.removeLabel', { name: guardian.name })}
                  >
                    {t('clients.remove')}
                  </Button>
                </Group>
              </Group>
            </Paper>
          </li>
        ))}
      </ul>
      {editing ? (
        <GuardianModal
          client={client}
          guardian={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
