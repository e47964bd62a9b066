import {
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZReferralPartner } from '../../../../contracts/cases';
import { todayDay, useFormatters } from '../../../lib/format';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { AppModal } from '../../../ui/overlays';
import { applyProblem, DateField, useOptionalLabel } from '../../clients';
import { type TReferral, useCreateReferral, useUpdateReferral } from '../api';

/** Partner kinds of a referral (labels `cases.partner.*`). */
export const REFERRAL_PARTNERS = ZReferralPartner.options;
/** A partner kind. */
export type TReferralPartner = (typeof REFERRAL_PARTNERS)[number];

/** Props of {@link ReferralModal}. */
export interface ReferralModalProps {
  caseId: string;
  /** Prefill (a residence reminder suggests the immigration office); null → closed. */
  preset: { partnerKind: TReferralPartner; reason: string } | null;
  onClose: () => void;
}

/** "Verweisung anlegen": partner kind and name, day, reason. */
export function ReferralModal({ caseId, preset, onClose }: ReferralModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal opened={preset !== null} onClose={onClose} title={t('cases.referral.addTitle')} size="lg">
      {preset ? <ReferralForm caseId={caseId} preset={preset} onClose={onClose} /> : null}
    </AppModal>
  );
}

function ReferralForm({
  caseId,
  preset,
  onClose,
}: {
  caseId: string;
  preset: { partnerKind: TReferralPartner; reason: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const create = useCreateReferral();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      partnerKind: preset.partnerKind as string,
      partnerName: '',
      referredOn: todayDay(),
      reason: preset.reason,
    },
    validate: {
      referredOn: (v: string) => (v ? null : t('cases.referral.dateRequired')),
      reason: (v: string) => (v.trim().length >= 2 ? null : t('cases.referral.reasonRequired')),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setMessage(null);
        create.mutate(
          {
            caseId,
            partnerKind: values.partnerKind as TReferralPartner,
            partnerName: values.partnerName.trim() || null,
            referredOn: values.referredOn,
            reason: values.reason.trim(),
          },
          {
            onSuccess: () => {
              notifySuccess(t('cases.referral.added'));
              onClose();
            },
            onError: (error) => setMessage(applyProblem(form, error, t)),
          },
        );
      })}
    >
      <Stack>
        <NativeSelect
          label={t('cases.referral.partnerKind')}
          data={REFERRAL_PARTNERS.map((p) => ({ value: p, label: t(`cases.partner.${p}`) }))}
          required
          {...form.getInputProps('partnerKind')}
        />
        <TextInput
          label={optional(t('cases.referral.partnerName'))}
          description={t('cases.referral.partnerNameHint')}
          {...form.getInputProps('partnerName')}
        />
        <DateField label={t('cases.referral.referredOn')} required {...form.getInputProps('referredOn')} />
        <Textarea
          label={t('cases.referral.reason')}
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
          <Button type="submit" loading={create.isPending}>
            {t('cases.referral.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Rückmeldung erfassen" of a referral: the partner's feedback and its day. */
function FeedbackModal({ referral, onClose }: { referral: TReferral | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateReferral();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { feedback: '', feedbackOn: todayDay() },
    validate: {
      feedback: (v: string) => (v.trim().length >= 2 ? null : t('cases.referral.feedbackRequired')),
    },
  });
  if (!referral) return null;
  return (
    <AppModal opened onClose={onClose} title={t('cases.referral.feedbackTitle')}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setMessage(null);
          update.mutate(
            {
              id: referral.id,
              version: referral.version,
              feedback: values.feedback.trim(),
              feedbackOn: values.feedbackOn,
            },
            {
              onSuccess: () => {
                notifySuccess(t('cases.referral.feedbackSaved'));
                onClose();
              },
              onError: (error) => setMessage(applyProblem(form, error, t)),
            },
          );
        })}
      >
        <Stack>
          <Textarea
            label={t('cases.referral.feedback')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('feedback')}
            aria-invalid={form.errors.feedback ? true : undefined}
          />
          <DateField label={t('cases.referral.feedbackOn')} {...form.getInputProps('feedbackOn')} />
          <FormAlert message={message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** Referrals of a case in a table (partner, day, reason, feedback), with "record feedback". */
export function ReferralsTable({ referrals }: { referrals: readonly TReferral[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [feedbackFor, setFeedbackFor] = useState<TReferral | null>(null);
  if (referrals.length === 0) return <Text>{t('cases.referral.empty')}</Text>;
  return (
    <>
      <Table captionSide="top" striped verticalSpacing="xs" data-testid="referrals">
        <Table.Caption>
          <VisuallyHidden>{t('cases.referral.caption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cases.referral.partnerKind')}</Table.Th>
            <Table.Th scope="col">{t('cases.referral.referredOn')}</Table.Th>
            <Table.Th scope="col">{t('cases.referral.reason')}</Table.Th>
            <Table.Th scope="col">{t('cases.referral.feedback')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {referrals.map((referral) => (
            <Table.Tr key={referral.id} data-testid="referral">
              <Table.Td>
                {t(`cases.partner.${referral.partnerKind}`)}
                {referral.partnerName ? `: ${referral.partnerName}` : ''}
              </Table.Td>
              <Table.Td>{format.day(referral.referredOn)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{referral.reason}</Table.Td>
              <Table.Td>
                {referral.feedback ? (
                  <Stack gap={2}>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {referral.feedback}
                    </Text>
                    {referral.feedbackOn ? (
                      <Text size="xs" c="dimmed">
                        {format.day(referral.feedbackOn)}
                      </Text>
                    ) : null}
                  </Stack>
                ) : (
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => setFeedbackFor(referral)}
                    aria-label={t('cases.referral.feedbackLabel', {
                      partner: referral.partnerName ?? t(`cases.partner.${referral.partnerKind}`),
                    })}
                  >
                    {t('cases.referral.recordFeedback')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {feedbackFor ? <FeedbackModal referral={feedbackFor} onClose={() => setFeedbackFor(null)} /> : null}
    </>
  );
}
