import { Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TClient } from '../../../../contracts/clients';
import { todayDay } from '../../../lib/format';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { useUpdateClient } from '../api';
import {
  availabilityProblem,
  changedClientFields,
  clientToForm,
  formToClientFields,
  invalidClientFields,
  type TClientFormValues,
} from '../client-form';
import { applyProblem, conflictChangedFields } from '../form-problems';
import { ClientFormFields } from './client-form-fields';

/** Props of {@link ClientEditForm}. */
export interface ClientEditFormProps {
  /** The client as last read; its `version` goes with the change. Remount (key) on a new version. */
  client: TClient;
  onDone: () => void;
  /** Reloads the client (after a conflict); the form is then rebuilt from the fresh record. */
  onReload: () => void;
}

/**
 * Edits a client's profile: sends only the changed fields with the `version` read. When someone else saved
 * first (409), names the fields they changed and offers to reload (the own edits are then discarded).
 */
export function ClientEditForm({ client, onDone, onReload }: ClientEditFormProps) {
  const { t } = useTranslation();
  const update = useUpdateClient();
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string[] | null>(null);
  const today = todayDay();
  const initial = clientToForm(client);
  const form = useForm<TClientFormValues>({
    initialValues: initial,
    validate: {
      givenNames: (v) => (v.trim() ? null : t('clients.validation.givenNames')),
      familyName: (v) => (v.trim() ? null : t('clients.validation.familyName')),
      dateOfBirth: (v) => (v && v > today ? t('clients.validation.birthInFuture') : null),
      postcode: (v) =>
        v.trim() === '' || /^\d{5}$/.test(v.trim()) ? null : t('clients.validation.postcode'),
      availableUntil: (_v, values) =>
        availabilityProblem(values) ? t('fieldErrors.until_before_from') : null,
    },
  });

  const submit = form.onSubmit(
    (values) => {
      setMessage(null);
      setConflict(null);
      const fields = formToClientFields(values);
      const invalid = invalidClientFields(fields);
      if (invalid.length > 0) {
        for (const path of invalid) form.setFieldError(path, t('clients.validation.invalid'));
        setMessage(t('clients.validation.fixErrors'));
        return;
      }
      const changes = changedClientFields(formToClientFields(initial), fields);
      if (Object.keys(changes).length === 0) {
        notifySuccess(t('clients.edit.noChanges'));
        onDone();
        return;
      }
      update.mutate(
        { id: client.id, version: client.version, ...changes },
        {
          onSuccess: () => {
            notifySuccess(t('clients.edit.saved'));
            onDone();
          },
          onError: (error) => {
            const changed = conflictChangedFields(error);
            if (changed) {
              setConflict(changed);
              setMessage(t('clients.edit.conflict'));
              return;
            }
            setMessage(applyProblem(form, error, t));
          },
        },
      );
    },
    () => setMessage(t('clients.validation.fixErrors')),
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('clients.edit.title')}>
      <Stack gap="lg">
        <ClientFormFields form={form} />
        <FormAlert message={message}>
          {conflict ? (
            <Stack gap="xs" mt="sm" align="flex-start">
              {conflict.length > 0 ? (
                <Text size="sm" data-testid="conflict-fields">
                  {t('clients.edit.changedFields', {
                    fields: conflict
                      .map((field) => t(`clients.fields.${field}`, { defaultValue: field }))
                      .join(', '),
                  })}
                </Text>
              ) : null}
              <Button size="xs" variant="default" onClick={onReload}>
                {t('clients.edit.reload')}
              </Button>
            </Stack>
          ) : null}
        </FormAlert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
