import { Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type TPlaceCandidate,
  ZCandidateAnswer,
  ZCandidateAssessment,
  ZProposalChannel,
} from '../../../../contracts/places';
import { isApiError } from '../../../lib/api';
import { todayDay } from '../../../lib/format';
import { errorMessage } from '../../../ui/error-message';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { AppModal } from '../../../ui/overlays';
import { applyProblem, DateField, EnumSelect, useOptionalLabel } from '../../clients';
import {
  type TCandidateAnswer,
  type TCandidateAssessment,
  type TProposalChannel,
  useCreateProposal,
  useRecordAnswer,
  useRemoveCandidate,
  useUpdateCandidate,
} from '../api';

/** Dialog buttons: cancel and the submit button. */
function DialogButtons({
  onCancel,
  submit,
  loading,
}: {
  onCancel: () => void;
  submit: string;
  loading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('app.cancel')}
      </Button>
      <Button type="submit" loading={loading}>
        {submit}
      </Button>
    </Group>
  );
}

/** The message for a failed candidate change: 409 → "changed meanwhile", else the field or problem text. */
function useFailure() {
  const { t } = useTranslation();
  return (error: unknown, apply: (error: unknown) => string | null) =>
    isApiError(error, 409) && error.code === 'conflict' ? t('places.candidates.conflict') : apply(error);
}

/** Props of the candidate dialogs. */
interface CandidateDialogProps {
  placeId: string;
  /** The candidate (null → closed). */
  candidate: TPlaceCandidate | null;
  onClose: () => void;
}

function AssessmentForm({
  placeId,
  candidate,
  onClose,
}: CandidateDialogProps & { candidate: TPlaceCandidate }) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const update = useUpdateCandidate(placeId);
  const failure = useFailure();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<{ assessment: TCandidateAssessment; assessmentNote: string }>({
    initialValues: {
      assessment: candidate.assessment ?? 'suitable',
      assessmentNote: candidate.assessmentNote ?? '',
    },
  });
  const submit = form.onSubmit((values) => {
    setMessage(null);
    update.mutate(
      {
        candidateId: candidate.id,
        body: {
          version: candidate.version,
          assessment: values.assessment,
          assessmentNote: values.assessmentNote.trim() || null,
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('places.candidates.assessmentSaved', { name: candidate.clientName }));
          onClose();
        },
        onError: (error) => setMessage(failure(error, (e) => applyProblem(form, e, t))),
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <EnumSelect
          label={t('places.candidates.assessment')}
          values={ZCandidateAssessment.options}
          prefix="places.assessment"
          withEmpty={false}
          {...form.getInputProps('assessment')}
        />
        <Textarea
          label={optional(t('places.candidates.assessmentNote'))}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('assessmentNote')}
        />
        <FormAlert message={message} />
        <DialogButtons onCancel={onClose} submit={t('app.save')} loading={update.isPending} />
      </Stack>
    </form>
  );
}

/** "Einschätzung ändern": the counsellor's assessment of a candidate and a note. */
export function AssessmentDialog(props: CandidateDialogProps) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={props.candidate !== null}
      onClose={props.onClose}
      title={t('places.candidates.assessmentTitle', { name: props.candidate?.clientName ?? '' })}
    >
      {props.candidate ? <AssessmentForm {...props} candidate={props.candidate} /> : null}
    </AppModal>
  );
}

function AnswerForm({ placeId, candidate, onClose }: CandidateDialogProps & { candidate: TPlaceCandidate }) {
  const { t } = useTranslation();
  const record = useRecordAnswer(placeId);
  const failure = useFailure();
  const [message, setMessage] = useState<string | null>(null);
  const today = todayDay();
  const form = useForm<{ answer: TCandidateAnswer; answerOn: string; reason: string }>({
    initialValues: {
      answer: candidate.answer ?? 'interview',
      answerOn: candidate.answerOn ?? today,
      reason: candidate.answerReason ?? '',
    },
    validate: {
      answerOn: (v) =>
        !v ? t('places.candidates.dateRequired') : v > today ? t('places.candidates.dateInFuture') : null,
      reason: (v, values) =>
        values.answer === 'rejected' && !v.trim() ? t('places.candidates.reasonRequired') : null,
    },
  });
  const submit = form.onSubmit((values) => {
    setMessage(null);
    record.mutate(
      {
        candidateId: candidate.id,
        body: {
          version: candidate.version,
          answer: values.answer,
          answerOn: values.answerOn,
          reason: values.reason.trim() || null,
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('places.candidates.answerSaved', { name: candidate.clientName }));
          onClose();
        },
        onError: (error) => setMessage(failure(error, (e) => applyProblem(form, e, t))),
      },
    );
  });
  const rejected = form.values.answer === 'rejected';
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <EnumSelect
          label={t('places.candidates.answer')}
          values={ZCandidateAnswer.options}
          prefix="places.answer"
          withEmpty={false}
          {...form.getInputProps('answer')}
        />
        <DateField
          label={t('places.candidates.answerOn')}
          max={today}
          required
          {...form.getInputProps('answerOn')}
        />
        <Textarea
          label={
            rejected
              ? t('places.candidates.reason')
              : t('clients.optionalLabel', { label: t('places.candidates.reason') })
          }
          required={rejected}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('reason')}
          aria-invalid={form.errors.reason ? true : undefined}
        />
        <FormAlert message={message} />
        <DialogButtons onCancel={onClose} submit={t('app.save')} loading={record.isPending} />
      </Stack>
    </form>
  );
}

/** "Antwort des Betriebs": interview, internship or rejected (with the reason) on a date. */
export function AnswerDialog(props: CandidateDialogProps) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={props.candidate !== null}
      onClose={props.onClose}
      title={t('places.candidates.answerTitle', { name: props.candidate?.clientName ?? '' })}
    >
      {props.candidate ? <AnswerForm {...props} candidate={props.candidate} /> : null}
    </AppModal>
  );
}

/** "Entfernen" confirmation of a candidate. */
export function RemoveCandidateDialog({ placeId, candidate, onClose }: CandidateDialogProps) {
  const { t } = useTranslation();
  const remove = useRemoveCandidate(placeId);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <AppModal opened={candidate !== null} onClose={onClose} title={t('places.candidates.removeTitle')}>
      {candidate ? (
        <Stack>
          <Text>{t('places.candidates.removeText', { name: candidate.clientName })}</Text>
          <FormAlert message={message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(candidate.id, {
                  onSuccess: () => {
                    notifySuccess(t('places.candidates.removed', { name: candidate.clientName }));
                    onClose();
                  },
                  onError: (error) => setMessage(errorMessage(error, t)),
                })
              }
            >
              {t('places.candidates.remove')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </AppModal>
  );
}

/** Props of {@link ProposalDialog}. */
export interface ProposalDialogProps {
  placeId: string;
  opened: boolean;
  /** Candidates not yet proposed (offered as check boxes, all ticked). */
  candidates: readonly TPlaceCandidate[];
  onClose: () => void;
}

function ProposalForm({ placeId, candidates, onClose }: Omit<ProposalDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const create = useCreateProposal(placeId);
  const [message, setMessage] = useState<string | null>(null);
  const today = todayDay();
  const form = useForm<{ sentOn: string; channel: TProposalChannel; note: string; candidateIds: string[] }>({
    initialValues: {
      sentOn: today,
      channel: 'email',
      note: '',
      candidateIds: candidates.map((c) => c.id),
    },
    validate: {
      sentOn: (v) =>
        !v ? t('places.candidates.dateRequired') : v > today ? t('places.candidates.dateInFuture') : null,
      candidateIds: (v) => (v.length === 0 ? t('places.proposal.chooseOne') : null),
    },
  });
  const submit = form.onSubmit((values) => {
    setMessage(null);
    create.mutate(
      {
        sentOn: values.sentOn,
        channel: values.channel,
        note: values.note.trim() || null,
        candidateIds: values.candidateIds,
      },
      {
        onSuccess: () => {
          notifySuccess(t('places.proposal.sent', { count: values.candidateIds.length }));
          onClose();
        },
        onError: (error) => setMessage(applyProblem(form, error, t)),
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Checkbox.Group
          label={t('places.proposal.candidates')}
          {...form.getInputProps('candidateIds')}
          data-testid="proposal-candidates"
        >
          <Stack gap={6} mt={6}>
            {candidates.map((c) => (
              <Checkbox key={c.id} value={c.id} label={c.clientName} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group grow align="flex-start">
          <DateField
            label={t('places.proposal.sentOn')}
            max={today}
            required
            {...form.getInputProps('sentOn')}
          />
          <EnumSelect
            label={t('places.proposal.channel')}
            values={ZProposalChannel.options}
            prefix="places.channel"
            withEmpty={false}
            {...form.getInputProps('channel')}
          />
        </Group>
        <Textarea
          label={optional(t('places.proposal.note'))}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('note')}
        />
        <FormAlert message={message} />
        <DialogButtons onCancel={onClose} submit={t('places.proposal.submit')} loading={create.isPending} />
      </Stack>
    </form>
  );
}

/** "Vorschlag an den Betrieb": which candidates, when, how, with a note. */
export function ProposalDialog({ opened, ...props }: ProposalDialogProps) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={props.onClose} title={t('places.proposal.title')} size="lg">
      {opened ? <ProposalForm {...props} /> : null}
    </AppModal>
  );
}
