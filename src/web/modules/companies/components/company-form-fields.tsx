import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  ZAcquisitionChannel,
  ZChamber,
  ZSector,
  ZTrainingHistory,
  ZYesNoInProgress,
} from '../../../../contracts/companies.enums';
import { todayDay } from '../../../lib/format';
import { QUIET_BUTTON_STYLE } from '../../../ui/quiet-button';
import { useCurrentUser } from '../../auth';
import { DateField, EnumSelect, LanguageSelect, useOptionalLabel } from '../../clients';
import type { TCompanyFormValues } from '../company-form';

/** A counsellor who can be made responsible for a company. */
export interface TOwnerOption {
  id: string;
  name: string;
}

/**
 * The counsellors a form offers as responsible: the signed-in user ("ich (Name)") and, when another
 * one is responsible now, that one (the office's staff list is for coordinators and admins only).
 */
export function useOwnerOptions(current?: {
  ownerUserId: string | null;
  ownerName: string | null;
}): TOwnerOption[] {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const options = [{ id: me.id, name: t('companies.fields.me', { name: me.displayName }) }];
  if (current?.ownerUserId && current.ownerUserId !== me.id) {
    options.push({ id: current.ownerUserId, name: current.ownerName ?? current.ownerUserId });
  }
  return options;
}

/** Props of {@link CompanyFormFields}. */
export interface CompanyFormFieldsProps {
  form: UseFormReturnType<TCompanyFormValues>;
  /** Who can be chosen as responsible counsellor (besides "nobody"). */
  owners: readonly TOwnerOption[];
}

/** Text input bound to `field`, marked invalid while it shows an error. */
function Field({
  bind: form,
  field,
  label,
  ...props
}: {
  bind: UseFormReturnType<TCompanyFormValues>;
  field: keyof TCompanyFormValues;
  label: string;
} & Omit<React.ComponentProps<typeof TextInput>, 'form'>) {
  return (
    <TextInput
      label={label}
      {...props}
      {...form.getInputProps(field)}
      aria-invalid={form.errors[field] ? true : undefined}
    />
  );
}

/** The owner's languages: one language select per row, with add and remove. */
function OwnerLanguages({ form }: { form: UseFormReturnType<TCompanyFormValues> }) {
  const { t } = useTranslation();
  const rows = form.values.ownerLanguages;
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm" component="p" m={0}>
        {t('companies.fields.ownerLanguages')}
      </Text>
      {rows.length === 0 ? <Text size="sm">{t('companies.fields.ownerLanguagesEmpty')}</Text> : null}
      {rows.map((_, index) => {
        const number = index + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; a row is its position.
          <Group key={index} align="flex-end" wrap="wrap" data-testid="owner-language-row">
            <LanguageSelect
              label={t('companies.fields.ownerLanguageN', { number })}
              {...form.getInputProps(`ownerLanguages.${index}`)}
            />
            <Button
              variant="subtle"
              style={QUIET_BUTTON_STYLE}
              onClick={() => form.removeListItem('ownerLanguages', index)}
              aria-label={t('companies.fields.removeLanguage', { number })}
            >
              {t('companies.fields.remove')}
            </Button>
          </Group>
        );
      })}
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() => form.insertListItem('ownerLanguages', '')}
          disabled={rows.length >= 20}
        >
          {t('companies.fields.addLanguage')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Every editable field of a company, in fieldsets: Stammdaten, Adresse und Kontakt, Ausbildung,
 * Inhaber*in (voluntary self-declaration, said so), Akquise, Zuständigkeit und Schlagwörter. Optional
 * fields say so in their label; "empfohlen von" appears for a recommendation only.
 */
export function CompanyFormFields({ form, owners }: CompanyFormFieldsProps) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const f = (key: string) => t(`companies.fields.${key}`);
  const o = (key: string) => optional(f(key));
  const select = (field: keyof TCompanyFormValues) => ({
    ...form.getInputProps(field),
    error: form.errors[field],
  });
  return (
    <Stack gap="lg">
      <Fieldset legend={t('companies.sections.master')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field bind={form} field="name" label={f('name')} required autoComplete="organization" />
          <Field bind={form} field="legalForm" label={o('legalForm')} description={f('legalFormHint')} />
          <EnumSelect
            label={o('sector')}
            values={ZSector.options}
            prefix="companies.sector"
            {...select('sector')}
          />
          <Field bind={form} field="employees" label={o('employees')} inputMode="numeric" />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('companies.sections.address')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field bind={form} field="street" label={o('street')} autoComplete="street-address" />
          <Field
            bind={form}
            field="postcode"
            label={o('postcode')}
            inputMode="numeric"
            maxLength={5}
            autoComplete="postal-code"
          />
          <Field bind={form} field="place" label={o('place')} description={f('placeHint')} />
          <Field bind={form} field="phone" label={o('phone')} type="tel" autoComplete="tel" />
          <Field bind={form} field="email" label={o('email')} type="email" autoComplete="email" />
          <Field bind={form} field="website" label={o('website')} type="url" autoComplete="url" />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('companies.sections.training')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <EnumSelect
            label={o('authorisedToTrain')}
            values={ZYesNoInProgress.options}
            prefix="companies.yesNo"
            {...select('authorisedToTrain')}
          />
          <EnumSelect
            label={o('qualifiedTrainer')}
            description={f('qualifiedTrainerHint')}
            values={ZYesNoInProgress.options}
            prefix="companies.yesNo"
            {...select('qualifiedTrainer')}
          />
          <EnumSelect
            label={o('trainingHistory')}
            description={f('trainingHistoryHint')}
            values={ZTrainingHistory.options}
            prefix="companies.trainingHistory"
            {...select('trainingHistory')}
          />
          <EnumSelect
            label={o('chamber')}
            values={ZChamber.options}
            prefix="companies.chamber"
            {...select('chamber')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('companies.sections.owner')}>
        <Stack gap="sm">
          <Text size="sm" data-testid="voluntary-hint">
            {t('companies.sections.ownerHint')}
          </Text>
          <NativeSelect
            label={o('ownerMigrationBackground')}
            data={[
              { value: '', label: t('companies.fields.notDeclared') },
              { value: 'yes', label: t('companies.fields.yes') },
              { value: 'no', label: t('companies.fields.no') },
            ]}
            {...select('ownerMigrationBackground')}
          />
          <OwnerLanguages form={form} />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('companies.sections.acquisition')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <EnumSelect
            label={o('acquisitionChannel')}
            values={ZAcquisitionChannel.options}
            prefix="companies.channel"
            {...select('acquisitionChannel')}
          />
          <DateField label={o('acquisitionOn')} max={todayDay()} {...select('acquisitionOn')} />
          {form.values.acquisitionChannel === 'referral' ? (
            <Field
              bind={form}
              field="acquisitionReferredBy"
              label={f('acquisitionReferredBy')}
              description={f('acquisitionReferredByHint')}
              required
            />
          ) : null}
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('companies.sections.responsibility')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={f('ownerUserId')}
            description={f('ownerUserIdHint')}
            data={[
              ...owners.map((owner) => ({ value: owner.id, label: owner.name })),
              { value: '', label: t('companies.fields.nobody') },
            ]}
            {...select('ownerUserId')}
          />
          <Field bind={form} field="tags" label={o('tags')} description={f('tagsHint')} />
        </SimpleGrid>
        <Textarea
          mt="sm"
          label={o('notes')}
          autosize
          minRows={2}
          {...form.getInputProps('notes')}
          aria-invalid={form.errors.notes ? true : undefined}
        />
      </Fieldset>
    </Stack>
  );
}
