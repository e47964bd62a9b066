import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOffice } from '../../../../contracts/offices';
import { isApiError } from '../../../lib/api';
import { applyApiError, FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { AppModal } from '../../../ui/overlays';
import { OFFICES_QUERY_KEY, useUpdateOffice } from '../api';
import { LandSelect } from './land-select';

/** Props of {@link EditOfficeModal}. */
export interface EditOfficeModalProps {
  /** Office to edit (latest version from the list); null → closed. */
  office: TOffice | null;
  onClose: () => void;
}

/**
 * Modal form renaming an office or changing its Land (`PATCH /api/offices/:id` with `version`).
 * A 409 conflict explains that someone else changed it and offers to reload.
 */
export function EditOfficeModal({ office, onClose }: EditOfficeModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal opened={office !== null} onClose={onClose} title={t('offices.editTitle')} size="lg">
      {office ? (
        <EditOfficeForm key={`${office.id}-${office.version}`} office={office} onDone={onClose} />
      ) : null}
    </AppModal>
  );
}

function EditOfficeForm({ office, onDone }: { office: TOffice; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateOffice();
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const form = useForm({
    initialValues: { name: office.name, landCode: office.landCode ?? '' },
    validate: { name: (value) => (value.trim().length >= 2 ? null : t('offices.validation.name')) },
  });

  const submit = form.onSubmit((v) => {
    setMessage(null);
    setConflict(false);
    const name = v.name.trim();
    const landCode = v.landCode || null;
    update.mutate(
      {
        id: office.id,
        version: office.version,
        ...(name !== office.name ? { name } : {}),
        ...(landCode !== office.landCode ? { landCode } : {}),
      },
      {
        onSuccess: ({ office: saved }) => {
          notifySuccess(t('offices.saved', { name: saved.name }));
          onDone();
        },
        onError: (error) => {
          setConflict(isApiError(error, 409));
          setMessage(applyApiError(form, error, t));
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormAlert message={message}>
          {conflict ? (
            <Button
              mt="sm"
              size="xs"
              variant="default"
              display="block"
              onClick={() => void queryClient.invalidateQueries({ queryKey: OFFICES_QUERY_KEY })}
            >
              {t('app.reload')}
            </Button>
          ) : null}
        </FormAlert>
        <TextInput label={t('offices.fields.name')} required data-autofocus {...form.getInputProps('name')} />
        <LandSelect {...form.getInputProps('landCode')} />
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
