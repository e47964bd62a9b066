import {
  Button,
  Checkbox,
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
import { ZSchoolQualification } from '../../../../contracts/clients';
import type { TContactPerson } from '../../../../contracts/companies';
import { ZPlaceKind, ZPlaceStatus } from '../../../../contracts/companies.enums';
import type { TOccupationSuggestion } from '../../../../contracts/places';
import { QUIET_BUTTON_STYLE } from '../../../ui/quiet-button';
import { CefrSelect, DateField, EnumSelect, OccupationSinglePicker, useOptionalLabel } from '../../clients';
import { needsOccupation, type TPlaceFormValues } from '../place-form';
import { CompanyPicker, type TPickOption } from './record-picker';

/** Props of {@link PlaceFormFields}. */
export interface PlaceFormFieldsProps {
  form: UseFormReturnType<TPlaceFormValues>;
  /** The company as picked (null: none yet); `fixed` shows it without a picker. */
  company: TPickOption | null;
  companyFixed: boolean;
  onCompanyChange: (company: TPickOption | null) => void;
  /** Contact persons of the chosen company (empty while unknown). */
  contactPersons: readonly TContactPerson[];
  /** Recognised occupations the server suggested for a refused occupation. */
  suggestions: readonly TOccupationSuggestion[];
  onSuggestionPick: (suggestion: TOccupationSuggestion) => void;
  /** Called when the postcode is typed (the form clears a town that came from the company). */
  onPostcodeChange: (postcode: string) => void;
}

/** The inputs of the place form, grouped in fieldsets (place, time and location, requirements, contact). */
export function PlaceFormFields({
  form,
  company,
  companyFixed,
  onCompanyChange,
  contactPersons,
  suggestions,
  onSuggestionPick,
  onPostcodeChange,
}: PlaceFormFieldsProps) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const occupationRequired = needsOccupation(form.values.kind);
  return (
    <Stack gap="lg">
      <Fieldset legend={t('places.form.legendPlace')}>
        <Stack gap="sm">
          {companyFixed ? (
            <Stack gap={2}>
              <Text size="sm" data-testid="place-form-company">
                {t('places.form.companyFixed', { name: company?.label ?? '' })}
              </Text>
              {form.errors.companyId ? (
                <Text size="xs" c="var(--mantine-color-error)" role="alert">
                  {form.errors.companyId}
                </Text>
              ) : null}
            </Stack>
          ) : (
            <CompanyPicker
              label={t('places.fields.company')}
              value={company}
              onChange={onCompanyChange}
              error={form.errors.companyId}
              required
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <EnumSelect
              label={t('places.fields.kind')}
              values={ZPlaceKind.options}
              prefix="places.kind"
              withEmpty={false}
              {...form.getInputProps('kind')}
            />
            <EnumSelect
              label={t('places.fields.status')}
              values={ZPlaceStatus.options}
              prefix="places.status"
              withEmpty={false}
              {...form.getInputProps('status')}
            />
          </SimpleGrid>
          <Stack gap={6}>
            <OccupationSinglePicker
              label={
                occupationRequired ? t('places.fields.occupation') : optional(t('places.fields.occupation'))
              }
              value={form.values.occupationId || null}
              onChange={(id) => form.setFieldValue('occupationId', id ?? '')}
              error={form.errors.occupationId}
              required={occupationRequired}
            />
            {suggestions.length > 0 ? (
              <Group gap="xs" data-testid="occupation-suggestions">
                <Text size="sm">{t('places.form.suggestions')}</Text>
                {suggestions.map((s) => (
                  <Button
                    key={s.id}
                    size="compact-sm"
                    variant="light"
                    style={QUIET_BUTTON_STYLE}
                    onClick={() => onSuggestionPick(s)}
                    aria-label={t('places.form.takeSuggestion', { name: s.name })}
                  >
                    {s.name}
                  </Button>
                ))}
              </Group>
            ) : null}
          </Stack>
          <TextInput
            label={optional(t('places.fields.title'))}
            description={t('places.form.titleHint')}
            maxLength={200}
            {...form.getInputProps('title')}
          />
          <Textarea
            label={optional(t('places.fields.description'))}
            autosize
            minRows={3}
            maxLength={8000}
            {...form.getInputProps('description')}
          />
          <Checkbox
            label={t('places.fields.publishedLong')}
            description={t('places.form.publishedHint')}
            {...form.getInputProps('published', { type: 'checkbox' })}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('places.form.legendTime')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('places.fields.seats')}
            inputMode="numeric"
            required
            {...form.getInputProps('seats')}
            aria-invalid={form.errors.seats ? true : undefined}
          />
          <DateField label={optional(t('places.fields.startsOn'))} {...form.getInputProps('startsOn')} />
          <TextInput
            label={optional(t('places.fields.durationMonths'))}
            description={t('places.form.durationHint')}
            inputMode="numeric"
            {...form.getInputProps('durationMonths')}
            aria-invalid={form.errors.durationMonths ? true : undefined}
          />
          <TextInput
            label={optional(t('places.fields.postcode'))}
            description={t('places.form.postcodeHint')}
            inputMode="numeric"
            autoComplete="postal-code"
            maxLength={5}
            {...form.getInputProps('postcode')}
            onChange={(event) => onPostcodeChange(event.currentTarget.value)}
            aria-invalid={form.errors.postcode ? true : undefined}
          />
          <TextInput
            label={optional(t('places.fields.place'))}
            maxLength={100}
            {...form.getInputProps('place')}
          />
          <TextInput
            label={optional(t('places.fields.street'))}
            maxLength={200}
            {...form.getInputProps('street')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('places.form.legendRequirements')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <EnumSelect
            label={t('places.fields.minSchoolQualification')}
            values={ZSchoolQualification.options}
            prefix="clients.school"
            emptyLabel={t('places.form.noRequirement')}
            {...form.getInputProps('minSchoolQualification')}
          />
          <CefrSelect
            label={t('places.fields.minGermanLevel')}
            emptyLabel={t('places.form.noRequirement')}
            {...form.getInputProps('minGermanLevel')}
          />
          <Checkbox
            label={t('places.fields.drivingLicenceRequired')}
            {...form.getInputProps('drivingLicenceRequired', { type: 'checkbox' })}
          />
          <Checkbox
            label={t('places.fields.languageSupport')}
            {...form.getInputProps('languageSupport', { type: 'checkbox' })}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('places.form.legendContact')}>
        <NativeSelect
          label={optional(t('places.fields.contactPerson'))}
          description={contactPersons.length === 0 ? t('places.form.noContactPersons') : undefined}
          data={[
            { value: '', label: t('places.form.noContactPerson') },
            ...contactPersons.map((p) => ({
              value: p.id,
              label: p.jobTitle ? `${p.name} (${p.jobTitle})` : p.name,
            })),
          ]}
          {...form.getInputProps('contactPersonId')}
          aria-invalid={form.errors.contactPersonId ? true : undefined}
        />
      </Fieldset>
    </Stack>
  );
}
