import { Button, Fieldset, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { QUIET_BUTTON_STYLE } from '../../../ui/quiet-button';
import type { TClientFormValues } from '../client-form';
import {
  EMPLOYMENT_STATUSES,
  GENDERS,
  GERMAN_LEVEL_SOURCES,
  RECOGNITION_STATES,
  RESIDENCE_STATUSES,
  SCHOOL_QUALIFICATIONS,
  WORK_PERMITS,
} from '../client-labels';
import { displayNames } from '../codes';
import {
  CefrSelect,
  CountrySelect,
  DateField,
  EnumSelect,
  LanguageSelect,
  TriStateSelect,
  useOptionalLabel,
} from './fields';
import { OccupationMultiPicker } from './occupation-picker';
import { PlaceWishFields } from './place-wish-fields';
import { PostcodeField } from './postcode-field';

type TForm = UseFormReturnType<TClientFormValues>;

/** Names, birth date, gender. */
function PersonFields({ form }: { form: TForm }) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  return (
    <Fieldset legend={t('clients.sections.person')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('clients.fields.givenNames')}
          description={t('clients.fields.asInDocuments')}
          required
          autoComplete="off"
          {...form.getInputProps('givenNames')}
        />
        <TextInput
          label={t('clients.fields.familyName')}
          description={t('clients.fields.asInDocuments')}
          required
          autoComplete="off"
          {...form.getInputProps('familyName')}
        />
        <TextInput
          label={optional(t('clients.fields.spokenName'))}
          description={t('clients.fields.spokenNameHint')}
          autoComplete="off"
          {...form.getInputProps('spokenName')}
        />
        <DateField label={optional(t('clients.fields.dateOfBirth'))} {...form.getInputProps('dateOfBirth')} />
        <EnumSelect
          label={optional(t('clients.fields.gender'))}
          values={GENDERS}
          prefix="clients.gender"
          {...form.getInputProps('gender')}
        />
      </SimpleGrid>
    </Fieldset>
  );
}

/** Phone, e-mail, messenger, address. */
function ContactFields({ form }: { form: TForm }) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  return (
    <Fieldset legend={t('clients.sections.contact')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={optional(t('clients.fields.phone'))}
          type="tel"
          autoComplete="off"
          {...form.getInputProps('phone')}
        />
        <TextInput
          label={optional(t('clients.fields.email'))}
          type="email"
          autoComplete="off"
          {...form.getInputProps('email')}
        />
        <TextInput
          label={optional(t('clients.fields.messenger'))}
          description={t('clients.fields.messengerHint')}
          autoComplete="off"
          {...form.getInputProps('messenger')}
        />
        <TextInput
          label={optional(t('clients.fields.street'))}
          autoComplete="off"
          {...form.getInputProps('street')}
        />
        <PostcodeField
          label={optional(t('clients.fields.postcode'))}
          {...form.getInputProps('postcode')}
          value={form.values.postcode}
        />
      </SimpleGrid>
    </Fieldset>
  );
}

/** Country of origin, citizenship, languages with CEFR, German level with date and source. */
function OriginFields({ form }: { form: TForm }) {
  const { t, i18n } = useTranslation();
  const optional = useOptionalLabel();
  const languageName = displayNames('language', i18n.language);
  return (
    <Fieldset legend={t('clients.sections.origin')}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <CountrySelect
            label={optional(t('clients.fields.countryOfOrigin'))}
            {...form.getInputProps('countryOfOrigin')}
          />
          <CountrySelect
            label={optional(t('clients.fields.citizenship'))}
            {...form.getInputProps('citizenship')}
          />
          <TriStateSelect
            label={optional(t('clients.fields.foreignBackground'))}
            {...form.getInputProps('foreignBackground')}
          />
        </SimpleGrid>
        <Stack gap="xs">
          <Text fw={600} size="sm" component="p" m={0} id="client-languages-label">
            {t('clients.fields.languages')}
          </Text>
          {form.values.languages.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('clients.languagesEmpty')}
            </Text>
          ) : null}
          {form.values.languages.map((row, index) => {
            const number = index + 1;
            const name = row.code ? languageName(row.code) : t('clients.languageNumber', { number });
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; the index is their identity in the form.
              <Group key={index} align="flex-end" wrap="wrap" data-testid="language-row">
                <LanguageSelect
                  label={t('clients.fields.languageN', { number })}
                  {...form.getInputProps(`languages.${index}.code`)}
                />
                <CefrSelect
                  label={t('clients.fields.languageLevelN', { number })}
                  emptyLabel={t('clients.levelUnknown')}
                  {...form.getInputProps(`languages.${index}.level`)}
                />
                <Button
                  variant="subtle"
                  style={QUIET_BUTTON_STYLE}
                  onClick={() => form.removeListItem('languages', index)}
                  aria-label={t('clients.removeLanguage', { name })}
                >
                  {t('clients.remove')}
                </Button>
              </Group>
            );
          })}
          <Group>
            <Button
              variant="default"
              size="xs"
              onClick={() => form.insertListItem('languages', { code: '', level: '' })}
              disabled={form.values.languages.length >= 20}
            >
              {t('clients.addLanguage')}
            </Button>
          </Group>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <CefrSelect
            label={optional(t('clients.fields.germanLevel'))}
            {...form.getInputProps('germanLevel')}
          />
          <DateField
            label={optional(t('clients.fields.germanLevelDate'))}
            {...form.getInputProps('germanLevelDate')}
          />
          <EnumSelect
            label={optional(t('clients.fields.germanLevelSource'))}
            values={GERMAN_LEVEL_SOURCES}
            prefix="clients.germanLevelSource"
            {...form.getInputProps('germanLevelSource')}
          />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}

/** School qualification, work experience, interests, wished occupations, availability and kinds, mobility. */
function SchoolAndWorkFields({ form }: { form: TForm }) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const foreign = form.values.schoolForeign === 'yes';
  return (
    <Fieldset legend={t('clients.sections.schoolAndWork')}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <EnumSelect
            label={optional(t('clients.fields.schoolQualification'))}
            values={SCHOOL_QUALIFICATIONS}
            prefix="clients.school"
            {...form.getInputProps('schoolQualification')}
          />
          <TriStateSelect
            label={optional(t('clients.fields.schoolForeign'))}
            {...form.getInputProps('schoolForeign')}
          />
          {foreign ? (
            <>
              <CountrySelect
                label={optional(t('clients.fields.schoolCountry'))}
                {...form.getInputProps('schoolCountry')}
              />
              <EnumSelect
                label={optional(t('clients.fields.schoolRecognition'))}
                values={RECOGNITION_STATES}
                prefix="clients.recognition"
                {...form.getInputProps('schoolRecognition')}
              />
            </>
          ) : null}
        </SimpleGrid>
        <Textarea
          label={optional(t('clients.fields.workExperience'))}
          autosize
          minRows={2}
          {...form.getInputProps('workExperience')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea
            label={optional(t('clients.fields.interests'))}
            autosize
            minRows={2}
            {...form.getInputProps('interests')}
          />
          <Textarea
            label={optional(t('clients.fields.strengths'))}
            autosize
            minRows={2}
            {...form.getInputProps('strengths')}
          />
        </SimpleGrid>
        <OccupationMultiPicker
          label={optional(t('clients.fields.wishedOccupations'))}
          value={form.values.wishedOccupationIds}
          onChange={(ids) => form.setFieldValue('wishedOccupationIds', ids)}
          error={form.errors.wishedOccupationIds}
        />
        <PlaceWishFields form={form} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={optional(t('clients.fields.mobilityRadiusKm'))}
            inputMode="numeric"
            {...form.getInputProps('mobilityRadiusKm')}
            aria-invalid={form.errors.mobilityRadiusKm ? true : undefined}
          />
          <TriStateSelect
            label={optional(t('clients.fields.drivingLicence'))}
            {...form.getInputProps('drivingLicence')}
          />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}

/** Residence status, paragraph, expiry, work permit: facts only. */
function ResidenceFields({ form }: { form: TForm }) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  return (
    <Fieldset legend={t('clients.sections.residence')}>
      <Stack>
        <Text size="sm">{t('clients.residenceHint')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <EnumSelect
            label={optional(t('clients.fields.residenceStatus'))}
            values={RESIDENCE_STATUSES}
            prefix="clients.residenceStatus"
            {...form.getInputProps('residenceStatus')}
          />
          <TextInput
            label={optional(t('clients.fields.residenceParagraph'))}
            description={t('clients.fields.residenceParagraphHint')}
            autoComplete="off"
            {...form.getInputProps('residenceParagraph')}
          />
          <DateField
            label={optional(t('clients.fields.residenceExpiresOn'))}
            {...form.getInputProps('residenceExpiresOn')}
          />
          <EnumSelect
            label={optional(t('clients.fields.workPermit'))}
            values={WORK_PERMITS}
            prefix="clients.workPermit"
            {...form.getInputProps('workPermit')}
          />
          <DateField
            label={optional(t('clients.fields.workPermitExpiresOn'))}
            {...form.getInputProps('workPermitExpiresOn')}
          />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}

/** Employment status at entry and free notes. */
function ProgrammeAndNotesFields({ form }: { form: TForm }) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  return (
    <Fieldset legend={t('clients.sections.programmeAndNotes')}>
      <Stack>
        <EnumSelect
          label={optional(t('clients.fields.employmentStatusAtEntry'))}
          values={EMPLOYMENT_STATUSES}
          prefix="clients.employmentStatus"
          {...form.getInputProps('employmentStatusAtEntry')}
        />
        <Textarea
          label={optional(t('clients.fields.notes'))}
          autosize
          minRows={3}
          {...form.getInputProps('notes')}
        />
      </Stack>
    </Fieldset>
  );
}

/**
 * Every editable field of a client, in fieldsets (person, contact, origin and languages, school and work,
 * residence, programme and notes), bound to a Mantine form of {@link TClientFormValues}. Used by the intake
 * and by the client page's edit form. `afterPerson` is rendered right after the person fieldset (the
 * intake's duplicate hint).
 */
export function ClientFormFields({ form, afterPerson }: { form: TForm; afterPerson?: React.ReactNode }) {
  return (
    <Stack gap="lg">
      <PersonFields form={form} />
      {afterPerson}
      <ContactFields form={form} />
      <OriginFields form={form} />
      <SchoolAndWorkFields form={form} />
      <ResidenceFields form={form} />
      <ProgrammeAndNotesFields form={form} />
    </Stack>
  );
}
