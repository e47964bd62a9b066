import { Checkbox, Fieldset, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { GUARDIAN_RELATIONS } from '../client-labels';
import { DateField, EnumSelect, LanguageSelect, useOptionalLabel } from './fields';

/** Consent and (optional) guardian of the intake. */
export interface TIntakeConsentValues {
  /** Counselling consent given (Einwilligung in die Beratung). */
  given: boolean;
  givenOn: string;
  form: 'paper' | 'digital';
  givenBy: 'client' | 'guardian';
  guardianName: string;
  guardianRelation: string;
  guardianLanguage: string;
}

/** Props of {@link IntakeConsentFields}. */
export interface IntakeConsentFieldsProps {
  form: UseFormReturnType<TIntakeConsentValues>;
  /** True when the client is under the guardian-consent age: the guardian must give consent. */
  minor: boolean;
}

/**
 * Counselling consent of the intake: given or not, on which date, on paper or digitally, by the client or
 * a guardian (always the guardian for minors under 16), and the guardian's name, relation and language.
 */
export function IntakeConsentFields({ form, minor }: IntakeConsentFieldsProps) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const values = form.values;
  const byGuardian = minor || values.givenBy === 'guardian';
  return (
    <Fieldset legend={t('clients.intake.consentLegend')}>
      <Stack>
        <Checkbox
          label={t('clients.intake.consentGiven')}
          description={t('clients.intake.consentGivenHint')}
          {...form.getInputProps('given', { type: 'checkbox' })}
        />
        {minor ? (
          <Text size="sm" fw={600} data-testid="minor-hint">
            {t('clients.intake.minorHint')}
          </Text>
        ) : null}
        {values.given ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('clients.consent.givenOn')} required {...form.getInputProps('givenOn')} />
            <Radio.Group label={t('clients.consent.form')} required {...form.getInputProps('form')}>
              <Stack gap={6} mt={6}>
                <Radio value="paper" label={t('clients.consentForm.paper')} />
                <Radio value="digital" label={t('clients.consentForm.digital')} />
              </Stack>
            </Radio.Group>
            {minor ? null : (
              <Radio.Group label={t('clients.consent.givenBy')} required {...form.getInputProps('givenBy')}>
                <Stack gap={6} mt={6}>
                  <Radio value="client" label={t('clients.givenBy.client')} />
                  <Radio value="guardian" label={t('clients.givenBy.guardian')} />
                </Stack>
              </Radio.Group>
            )}
          </SimpleGrid>
        ) : (
          <Text size="sm">{t('clients.intake.withoutConsent')}</Text>
        )}
        <Fieldset legend={t('clients.intake.guardianLegend')} variant="unstyled">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={
                byGuardian && values.given ? t('clients.guardian.name') : optional(t('clients.guardian.name'))
              }
              required={byGuardian && values.given}
              autoComplete="off"
              {...form.getInputProps('guardianName')}
            />
            <EnumSelect
              label={t('clients.guardian.relation')}
              values={GUARDIAN_RELATIONS}
              prefix="clients.guardianRelation"
              withEmpty={false}
              {...form.getInputProps('guardianRelation')}
            />
            <LanguageSelect
              label={optional(t('clients.guardian.language'))}
              emptyLabel={t('clients.notStated')}
              {...form.getInputProps('guardianLanguage')}
            />
          </SimpleGrid>
        </Fieldset>
      </Stack>
    </Fieldset>
  );
}
