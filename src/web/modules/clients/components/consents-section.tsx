import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TClient, TConsent } from '../../../../contracts/clients';
import { todayDay, useFormatters } from '../../../lib/format';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { AppModal } from '../../../ui/overlays';
import { useRecordConsent, useWithdrawConsent } from '../api';
import { needsGuardianConsent } from '../client-form';
import { CONSENT_PURPOSES } from '../client-labels';
import { applyProblem } from '../form-problems';
import { DateField, EnumSelect } from './fields';

interface TConsentFormValues {
  purpose: string;
  partnerName: string;
  givenOn: string;
  form: 'paper' | 'digital';
  givenBy: 'client' | 'guardian';
  guardianId: string;
}

/** Modal form recording one consent. */
function RecordConsentModal({
  client,
  opened,
  onClose,
}: {
  client: TClient;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const record = useRecordConsent();
  const [message, setMessage] = useState<string | null>(null);
  const minor = needsGuardianConsent(client.dateOfBirth, todayDay());
  const form = useForm<TConsentFormValues>({
    initialValues: {
      purpose: client.consents.some((c) => c.purpose === 'counselling' && c.active)
        ? 'matching'
        : 'counselling',
      partnerName: '',
      givenOn: todayDay(),
      form: 'paper',
      givenBy: minor ? 'guardian' : 'client',
      guardianId: client.guardians[0]?.id ?? '',
    },
    validate: {
      givenOn: (v) => (v ? null : t('clients.validation.consentDate')),
      partnerName: (v, values) =>
        values.purpose === 'partner_transfer' && v.trim().length < 2
          ? t('clients.validation.partnerName')
          : null,
      guardianId: (v, values) =>
        values.givenBy === 'guardian' && !v ? t('clients.validation.guardianChoice') : null,
    },
  });
  const close = () => {
    setMessage(null);
    form.reset();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    setMessage(null);
    record.mutate(
      {
        clientId: client.id,
        purpose: values.purpose as TConsent['purpose'],
        partnerName: values.purpose === 'partner_transfer' ? values.partnerName.trim() : null,
        givenOn: values.givenOn,
        form: values.form,
        givenBy: values.givenBy,
        guardianId: values.givenBy === 'guardian' ? values.guardianId : null,
        legalBasis: 'art6_1a',
      },
      {
        onSuccess: () => {
          notifySuccess(t('clients.consent.recorded'));
          close();
        },
        onError: (error) => setMessage(applyProblem(form, error, t)),
      },
    );
  });
  return (
    <AppModal opened={opened} onClose={close} title={t('clients.consent.recordTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {minor ? <Text size="sm">{t('clients.intake.minorHint')}</Text> : null}
          <EnumSelect
            label={t('clients.consent.purpose')}
            values={CONSENT_PURPOSES}
            prefix="clients.consentPurpose"
            withEmpty={false}
            required
            {...form.getInputProps('purpose')}
          />
          {form.values.purpose === 'partner_transfer' ? (
            <TextInput
              label={t('clients.consent.partnerName')}
              required
              {...form.getInputProps('partnerName')}
            />
          ) : null}
          <DateField label={t('clients.consent.givenOn')} required {...form.getInputProps('givenOn')} />
          <Radio.Group label={t('clients.consent.form')} required {...form.getInputProps('form')}>
            <Group mt={6}>
              <Radio value="paper" label={t('clients.consentForm.paper')} />
              <Radio value="digital" label={t('clients.consentForm.digital')} />
            </Group>
          </Radio.Group>
          <Radio.Group label={t('clients.consent.givenBy')} required {...form.getInputProps('givenBy')}>
            <Group mt={6}>
              <Radio value="client" label={t('clients.givenBy.client')} disabled={minor} />
              <Radio value="guardian" label={t('clients.givenBy.guardian')} />
            </Group>
          </Radio.Group>
          {form.values.givenBy === 'guardian' ? (
            client.guardians.length > 0 ? (
              <NativeSelect
                label={t('clients.consent.guardian')}
                data={client.guardians.map((g) => ({ value: g.id, label: g.name }))}
                required
                {...form.getInputProps('guardianId')}
              />
            ) : (
              <Text size="sm" c="var(--mantine-color-error)" role="alert">
                {t('clients.consent.noGuardian')}
              </Text>
            )
          ) : null}
          <FormAlert message={message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('clients.consent.recordSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** Modal asking for the date of a withdrawal. */
function WithdrawConsentModal({
  client,
  consent,
  onClose,
}: {
  client: TClient;
  consent: TConsent | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const withdraw = useWithdrawConsent();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({ initialValues: { withdrawnOn: todayDay() } });
  const close = () => {
    setMessage(null);
    onClose();
  };
  return (
    <AppModal opened={consent !== null} onClose={close} title={t('clients.consent.withdrawTitle')}>
      {consent ? (
        <form
          noValidate
          onSubmit={form.onSubmit((values) =>
            withdraw.mutate(
              { clientId: client.id, consentId: consent.id, withdrawnOn: values.withdrawnOn },
              {
                onSuccess: () => {
                  notifySuccess(t('clients.consent.withdrawn'));
                  close();
                },
                onError: (error) => setMessage(applyProblem(form, error, t)),
              },
            ),
          )}
        >
          <Stack>
            <Text size="sm">
              {t('clients.consent.withdrawText', { purpose: t(`clients.consentPurpose.${consent.purpose}`) })}
            </Text>
            <DateField
              label={t('clients.consent.withdrawnOn')}
              required
              {...form.getInputProps('withdrawnOn')}
            />
            <FormAlert message={message} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('app.cancel')}
              </Button>
              <Button type="submit" color="red" loading={withdraw.isPending}>
                {t('clients.consent.withdrawSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </AppModal>
  );
}

/** Consents of a client (active and withdrawn), with "record" and "withdraw". */
export function ConsentsSection({ client }: { client: TClient }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<TConsent | null>(null);
  const guardianName = (id: string | null) => client.guardians.find((g) => g.id === id)?.name;
  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <Button variant="default" onClick={() => setRecording(true)}>
          {t('clients.consent.record')}
        </Button>
      </Group>
      <Table captionSide="top" striped verticalSpacing="xs" data-testid="consents">
        <Table.Caption>
          <VisuallyHidden>{t('clients.consent.caption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('clients.consent.purpose')}</Table.Th>
            <Table.Th scope="col">{t('clients.consent.givenOn')}</Table.Th>
            <Table.Th scope="col">{t('clients.consent.form')}</Table.Th>
            <Table.Th scope="col">{t('clients.consent.givenBy')}</Table.Th>
            <Table.Th scope="col">{t('clients.consent.status')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('app.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {client.consents.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={6}>{t('clients.consent.empty')}</Table.Td>
            </Table.Tr>
          ) : null}
          {client.consents.map((consent) => (
            <Table.Tr key={consent.id} data-testid="consent-row">
              <Table.Td>
                {t(`clients.consentPurpose.${consent.purpose}`)}
                {consent.partnerName ? `: ${consent.partnerName}` : ''}
              </Table.Td>
              <Table.Td>{format.day(consent.givenOn)}</Table.Td>
              <Table.Td>{t(`clients.consentForm.${consent.form}`)}</Table.Td>
              <Table.Td>
                {t(`clients.givenBy.${consent.givenBy}`)}
                {consent.givenBy === 'guardian' && guardianName(consent.guardianId)
                  ? ` (${guardianName(consent.guardianId)})`
                  : ''}
              </Table.Td>
              <Table.Td>
                {consent.active ? (
                  <Badge color="blue" variant="light" tt="none">
                    {t('clients.consent.active')}
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light" tt="none">
                    {t('clients.consent.withdrawnOnDate', { date: format.day(consent.withdrawnOn) })}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {consent.active ? (
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => setWithdrawing(consent)}
                    aria-label={t('clients.consent.withdrawLabel', {
                      purpose: t(`clients.consentPurpose.${consent.purpose}`),
                    })}
                  >
                    {t('clients.consent.withdraw')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {recording ? <RecordConsentModal client={client} opened onClose={() => setRecording(false)} /> : null}
      <WithdrawConsentModal client={client} consent={withdrawing} onClose={() => setWithdrawing(null)} />
    </Stack>
  );
}
