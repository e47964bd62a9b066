import { Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { todayDay } from '../../../lib/format';
import { errorMessage } from '../../../ui/error-message';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { PageTitle } from '../../../ui/page-title';
import { useCreateGuardian, useCreateIntake, useRecordConsent, useUpdateClient } from '../api';
import {
  availabilityProblem,
  changedClientFields,
  emptyClientForm,
  formToClientFields,
  invalidClientFields,
  minimalClientFields,
  needsGuardianConsent,
  type TClientFormValues,
} from '../client-form';
import { ClientFormFields } from '../components/client-form-fields';
import { DuplicateHint } from '../components/duplicate-hint';
import { IntakeConsentFields, type TIntakeConsentValues } from '../components/intake-consent-fields';
import { applyProblem } from '../form-problems';

/**
 * "Neuaufnahme" (`/intake`): a new client with everything a counsellor records at first contact, the
 * counselling consent (by the guardian for minors under 16) and a live duplicate check. Saving creates
 * the client and their case in "Erstkontakt", then the guardian and the consent, and opens the case.
 */
export function IntakePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const intake = useCreateIntake();
  const createGuardian = useCreateGuardian();
  const recordConsent = useRecordConsent();
  const updateClient = useUpdateClient();
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const today = todayDay();

  const form = useForm<TClientFormValues>({
    initialValues: emptyClientForm(),
    validate: {
      givenNames: (v) => (v.trim() ? null : t('clients.validation.givenNames')),
      familyName: (v) => (v.trim() ? null : t('clients.validation.familyName')),
      dateOfBirth: (v) => (v && v > today ? t('clients.validation.birthInFuture') : null),
      postcode: (v) =>
        v.trim() === '' || /^\d{5}$/.test(v.trim()) ? null : t('clients.validation.postcode'),
      availableUntil: (_v, values) =>
        availabilityProblem(values) ? t('fieldErrors.until_before_from') : null,
      mobilityRadiusKm: (v) =>
        v.trim() === '' || /^\d{1,4}$/.test(v.trim()) ? null : t('clients.validation.radius'),
    },
  });
  const minor = needsGuardianConsent(form.values.dateOfBirth, today);
  const consent = useForm<TIntakeConsentValues>({
    initialValues: {
      given: true,
      givenOn: today,
      form: 'paper',
      givenBy: 'client',
      guardianName: '',
      guardianRelation: 'mother',
      guardianLanguage: '',
    },
    validate: {
      givenOn: (v, values) => (values.given && !v ? t('clients.validation.consentDate') : null),
      guardianName: (v, values) =>
        values.given && (minor || values.givenBy === 'guardian') && v.trim().length < 2
          ? t('clients.validation.guardianName')
          : null,
    },
  });

  const submit = async () => {
    setMessage(null);
    const clientCheck = form.validate();
    const consentCheck = consent.validate();
    const fields = formToClientFields(form.getValues());
    const invalid = invalidClientFields(fields);
    for (const path of invalid) form.setFieldError(path, t('clients.validation.invalid'));
    if (clientCheck.hasErrors || consentCheck.hasErrors || invalid.length > 0) {
      setMessage(t('clients.validation.fixErrors'));
      return;
    }
    const values = consent.getValues();
    const byGuardian = values.given && (minor || values.givenBy === 'guardian');
    const ownConsent = values.given && !byGuardian;
    setSaving(true);
    let created: { clientId: string; caseId: string | null };
    try {
      // Without the client's own consent only the minimal record may be sent; the rest follows the
      // guardian's consent below.
      created = await intake.mutateAsync(
        ownConsent
          ? {
              ...fields,
              counsellingConsent: { givenOn: values.givenOn, form: values.form, legalBasis: 'art6_1a' },
            }
          : minimalClientFields(fields),
      );
    } catch (error) {
      setMessage(applyProblem(form, error, t) ?? t('clients.validation.fixErrors'));
      setSaving(false);
      return;
    }
    try {
      let guardianId: string | null = null;
      if (values.guardianName.trim().length >= 2) {
        const guardian = await createGuardian.mutateAsync({
          clientId: created.clientId,
          name: values.guardianName.trim(),
          relation: values.guardianRelation as 'mother',
          language: values.guardianLanguage || null,
          involvedInCounselling: true,
        });
        guardianId = guardian.id;
      }
      if (byGuardian) {
        const result = await recordConsent.mutateAsync({
          clientId: created.clientId,
          purpose: 'counselling',
          givenOn: values.givenOn,
          form: values.form,
          givenBy: 'guardian',
          guardianId,
          legalBasis: 'art6_1a',
        });
        const rest = changedClientFields(minimalClientFields(fields), fields);
        if (Object.keys(rest).length > 0) {
          await updateClient.mutateAsync({ id: created.clientId, version: result.client.version, ...rest });
        }
      }
    } catch (error) {
      // The client exists: open their page, where consent, guardian and profile can be completed.
      notifications.show({
        color: 'red',
        autoClose: false,
        message: t('clients.intake.partlySaved', { message: errorMessage(error, t) }),
        closeButtonProps: { 'aria-label': t('app.close') },
      });
      setSaving(false);
      navigate(`/clients/${created.clientId}`);
      return;
    }
    setSaving(false);
    notifySuccess(t('clients.intake.saved', { name: `${fields.givenNames} ${fields.familyName}` }));
    navigate(created.caseId ? `/cases/${created.caseId}` : `/clients/${created.clientId}`);
  };

  return (
    <Stack>
      <PageTitle title={t('clients.intake.title')} />
      <Text>{t('clients.intake.intro')}</Text>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        aria-label={t('clients.intake.title')}
      >
        <Stack gap="lg">
          <ClientFormFields
            form={form}
            afterPerson={
              <DuplicateHint
                givenNames={form.values.givenNames}
                familyName={form.values.familyName}
                dateOfBirth={form.values.dateOfBirth}
              />
            }
          />
          <IntakeConsentFields form={consent} minor={minor} />
          <FormAlert message={message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate(-1)}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('clients.intake.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
