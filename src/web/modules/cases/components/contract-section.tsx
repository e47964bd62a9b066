import {
  Badge,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZChamber } from '../../../../contracts/reference';
import { todayDay, useFormatters } from '../../../lib/format';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { AppModal } from '../../../ui/overlays';
import {
  applyProblem,
  DateField,
  FactList,
  OccupationName,
  OccupationSinglePicker,
  useOptionalLabel,
} from '../../clients';
import { type TTrainingContract, useCreateContract, useTerminateContract } from '../api';

const CHAMBERS = ZChamber.options;
const PRECEDED_BY = ['none', 'internship', 'entry_qualification'] as const;

interface TContractValues {
  companyName: string;
  companyPostcode: string;
  occupationId: string;
  startsOn: string;
  chamber: string;
  signedOn: string;
  precededBy: string;
}

/** "Ausbildungsvertrag erfassen": company, its postcode, occupation (search), start, chamber, signed on, preceded by. */
export function ContractForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const create = useCreateContract();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<TContractValues>({
    initialValues: {
      companyName: '',
      companyPostcode: '',
      occupationId: '',
      startsOn: '',
      chamber: 'IHK',
      signedOn: todayDay(),
      precededBy: 'none',
    },
    validate: {
      companyName: (v) => (v.trim().length >= 2 ? null : t('cases.contract.companyRequired')),
      companyPostcode: (v) =>
        v.trim() === '' || /^\d{5}$/.test(v.trim()) ? null : t('clients.validation.postcode'),
      occupationId: (v) => (v ? null : t('cases.contract.occupationRequired')),
      startsOn: (v) => (v ? null : t('cases.contract.startRequired')),
    },
  });
  const submit = form.onSubmit((values) => {
    setMessage(null);
    create.mutate(
      {
        caseId,
        companyName: values.companyName.trim(),
        companyPostcode: values.companyPostcode.trim() || null,
        occupationId: values.occupationId,
        startsOn: values.startsOn,
        chamber: values.chamber as (typeof CHAMBERS)[number],
        signedOn: values.signedOn || null,
        precededBy: values.precededBy as (typeof PRECEDED_BY)[number],
      },
      {
        onSuccess: () => {
          notifySuccess(t('cases.contract.saved'));
          onDone();
        },
        onError: (error) => setMessage(applyProblem(form, error, t)),
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.contract.formLabel')} data-testid="contract-form">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('cases.contract.companyName')}
            required
            {...form.getInputProps('companyName')}
            aria-invalid={form.errors.companyName ? true : undefined}
          />
          <TextInput
            label={optional(t('cases.contract.companyPostcode'))}
            inputMode="numeric"
            maxLength={5}
            {...form.getInputProps('companyPostcode')}
            aria-invalid={form.errors.companyPostcode ? true : undefined}
          />
        </SimpleGrid>
        <OccupationSinglePicker
          label={t('cases.contract.occupation')}
          value={form.values.occupationId || null}
          onChange={(id) => form.setFieldValue('occupationId', id ?? '')}
          error={form.errors.occupationId}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label={t('cases.contract.startsOn')} required {...form.getInputProps('startsOn')} />
          <NativeSelect
            label={t('cases.contract.chamber')}
            data={CHAMBERS.map((c) => ({ value: c, label: t(`occupations.chambers.${c}`) }))}
            required
            {...form.getInputProps('chamber')}
          />
          <DateField label={optional(t('cases.contract.signedOn'))} {...form.getInputProps('signedOn')} />
          <NativeSelect
            label={t('cases.contract.precededBy')}
            data={PRECEDED_BY.map((p) => ({ value: p, label: t(`cases.precededBy.${p}`) }))}
            {...form.getInputProps('precededBy')}
          />
        </SimpleGrid>
        <FormAlert message={message} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('cases.contract.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Vertrag gelöst": day and reason of an early termination. */
function TerminateModal({
  caseId,
  contract,
  onClose,
}: {
  caseId: string;
  contract: TTrainingContract;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const terminate = useTerminateContract();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { terminatedOn: todayDay(), reason: '' },
    validate: { reason: (v: string) => (v.trim().length >= 2 ? null : t('cases.contract.reasonRequired')) },
  });
  return (
    <AppModal opened onClose={onClose} title={t('cases.contract.terminateTitle')}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setMessage(null);
          terminate.mutate(
            {
              caseId,
              version: contract.version,
              terminatedOn: values.terminatedOn,
              reason: values.reason.trim(),
            },
            {
              onSuccess: () => {
                notifySuccess(t('cases.contract.terminated'));
                onClose();
              },
              onError: (error) => setMessage(applyProblem(form, error, t)),
            },
          );
        })}
      >
        <Stack>
          <Text size="sm">{t('cases.contract.terminateHint')}</Text>
          <DateField
            label={t('cases.contract.terminatedOn')}
            required
            {...form.getInputProps('terminatedOn')}
          />
          <Textarea
            label={t('cases.contract.terminationReason')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
            aria-invalid={form.errors.reason ? true : undefined}
          />
          <FormAlert message={message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" color="red" loading={terminate.isPending}>
              {t('cases.contract.terminateSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** The training contract of a case, or the form to record it; "terminate" for an active contract. */
export function ContractSection({
  caseId,
  contract,
  formOpen,
  onFormOpenChange,
}: {
  caseId: string;
  contract: TTrainingContract | null;
  formOpen: boolean;
  onFormOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [terminating, setTerminating] = useState(false);
  if (!contract) {
    return formOpen ? (
      <ContractForm caseId={caseId} onDone={() => onFormOpenChange(false)} />
    ) : (
      <Group justify="space-between" wrap="wrap">
        <Text>{t('cases.contract.none')}</Text>
        <Button variant="default" onClick={() => onFormOpenChange(true)}>
          {t('cases.contract.add')}
        </Button>
      </Group>
    );
  }
  return (
    <Stack gap="sm" data-testid="contract">
      {contract.terminatedOn ? (
        <Badge color="red" variant="filled" tt="none">
          {t('cases.contract.terminatedOnDate', { date: format.day(contract.terminatedOn) })}
        </Badge>
      ) : null}
      <FactList
        rows={[
          [
            t('cases.contract.companyName'),
            [contract.companyName, contract.companyPostcode].filter(Boolean).join(', '),
          ],
          [
            t('cases.contract.occupation'),
            contract.occupationName ?? <OccupationName id={contract.occupationId} />,
          ],
          [t('cases.contract.startsOn'), format.day(contract.startsOn)],
          [t('cases.contract.chamber'), t(`occupations.chambers.${contract.chamber}`)],
          [t('cases.contract.signedOn'), format.day(contract.signedOn)],
          [
            t('cases.contract.precededBy'),
            contract.precededBy ? t(`cases.precededBy.${contract.precededBy}`) : null,
          ],
          ...(contract.terminatedOn
            ? ([[t('cases.contract.terminationReason'), contract.terminationReason]] as [
                string,
                React.ReactNode,
              ][])
            : []),
        ]}
      />
      {contract.terminatedOn ? null : (
        <Group>
          <Button variant="default" onClick={() => setTerminating(true)}>
            {t('cases.contract.terminate')}
          </Button>
        </Group>
      )}
      {terminating ? (
        <TerminateModal caseId={caseId} contract={contract} onClose={() => setTerminating(false)} />
      ) : null}
    </Stack>
  );
}
