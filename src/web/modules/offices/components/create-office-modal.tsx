import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TOfficeKind, ZOfficeKind } from '../../../../contracts/common';
import type { TOffice } from '../../../../contracts/offices';
import { applyApiError, FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { AppModal } from '../../../ui/overlays';
import { useCreateOffice } from '../api';
import { PARENT_KIND } from '../office-tree';
import { LandSelect } from './land-select';

/** Props of {@link CreateOfficeModal}. */
export interface CreateOfficeModalProps {
  opened: boolean;
  onClose: () => void;
  offices: readonly TOffice[];
  /** Preset parent and kind ("add child office" on a tree node). */
  preset?: { parentId: string | null; kind: TOfficeKind };
}

/** Modal form creating an office (`POST /api/offices`, admin); the parent must fit the kind. */
export function CreateOfficeModal({ opened, onClose, offices, preset }: CreateOfficeModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('offices.createTitle')} size="lg">
      {opened ? <CreateOfficeForm offices={offices} preset={preset} onDone={onClose} /> : null}
    </AppModal>
  );
}

function CreateOfficeForm({
  offices,
  preset,
  onDone,
}: Pick<CreateOfficeModalProps, 'offices' | 'preset'> & { onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateOffice();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: '',
      kind: (preset?.kind ?? 'service_centre') as TOfficeKind,
      parentId: preset?.parentId ?? '',
      landCode: preset?.parentId ? (offices.find((o) => o.id === preset.parentId)?.landCode ?? '') : '',
    },
    validate: {
      name: (value) => (value.trim().length >= 2 ? null : t('offices.validation.name')),
      parentId: (value, values) => {
        const wanted = PARENT_KIND[values.kind];
        if (!wanted) return value ? t('errors.invalid_office_parent') : null;
        const parent = offices.find((o) => o.id === value);
        return parent?.kind === wanted ? null : t('offices.validation.parent');
      },
    },
  });
  const values = form.getValues();
  const parentKind = PARENT_KIND[values.kind];
  const parents = offices.filter((o) => o.kind === parentKind);

  const submit = form.onSubmit((v) => {
    setMessage(null);
    create.mutate(
      { name: v.name.trim(), kind: v.kind, parentId: v.parentId || null, landCode: v.landCode || null },
      {
        onSuccess: ({ office }) => {
          notifySuccess(t('offices.created', { name: office.name }));
          onDone();
        },
        onError: (error) => setMessage(applyApiError(form, error, t)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormAlert message={message} />
        <TextInput label={t('offices.fields.name')} required data-autofocus {...form.getInputProps('name')} />
        <NativeSelect
          label={t('offices.fields.kind')}
          required
          data={ZOfficeKind.options.map((kind) => ({ value: kind, label: t(`officeKinds.${kind}`) }))}
          {...form.getInputProps('kind')}
          onChange={(event) => {
            form.setFieldValue('kind', event.currentTarget.value as TOfficeKind);
            form.setFieldValue('parentId', '');
          }}
        />
        {parentKind ? (
          <NativeSelect
            label={t('offices.fields.parent')}
            required
            data={[
              { value: '', label: t('offices.chooseParent') },
              ...parents.map((o) => ({ value: o.id, label: o.name })),
            ]}
            {...form.getInputProps('parentId')}
          />
        ) : null}
        <LandSelect {...form.getInputProps('landCode')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('offices.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
