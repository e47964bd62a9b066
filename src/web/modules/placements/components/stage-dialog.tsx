import { Alert, Button, Group, List, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TPlacementListItem, ZPlacementTrialKind } from '../../../../contracts/placements';
import { isApiError } from '../../../lib/api';
import { todayDay } from '../../../lib/format';
import { applyApiError, FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { AppModal } from '../../../ui/overlays';
import { useMovePlacementStage } from '../api';
import {
  contractEffects,
  defaultNextStage,
  nextStages,
  reasonOptions,
  stageFormBody,
  stageFormErrors,
  type TStageFormValues,
} from '../placement-stages';

/** The placement a stage change applies to. */
export type TStageTarget = Pick<
  TPlacementListItem,
  'id' | 'stage' | 'stageOn' | 'version' | 'client' | 'place'
>;

/** Props of {@link PlacementStageDialog}. */
export interface PlacementStageDialogProps {
  /** The placement to move; null → closed. */
  target: TStageTarget | null;
  onClose: () => void;
}

function StageForm({ target, onClose }: { target: TStageTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const move = useMovePlacementStage();
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  // A contract moves the case, the company and the place: it is sent only after an explicit confirmation.
  const [confirming, setConfirming] = useState(false);
  const today = todayDay();
  const targets = nextStages(target.stage, target.place.kind);
  const form = useForm<TStageFormValues>({
    initialValues: {
      stage: defaultNextStage(target.stage, target.place.kind) ?? '',
      on: today,
      reason: '',
      trialKind: 'internship',
      note: '',
    },
    validate: (values) =>
      Object.fromEntries(
        Object.entries(stageFormErrors(values, target, today)).map(([field, key]) => [
          field,
          t(`placements.stageDialog.${key}`),
        ]),
      ),
  });
  const submit = form.onSubmit((values) => {
    setMessage(null);
    setConflict(false);
    if (values.stage === 'contract' && !confirming) {
      setConfirming(true);
      return;
    }
    move.mutate(
      { id: target.id, body: stageFormBody(values, target.version) },
      {
        onSuccess: ({ placement, notices }) => {
          notifySuccess(
            [
              t('placements.stageDialog.moved', {
                name: placement.client.name,
                stage: t(`placements.stage.${placement.stage}`),
              }),
              ...notices.map((n) => t(`placements.notices.${n}`)),
            ].join(' '),
          );
          onClose();
        },
        onError: (error) => {
          // A refused move leaves the confirmation: the error shows at its field (e.g. all seats taken).
          setConfirming(false);
          // Only a stale version; a 409 `place_seats_taken` speaks for itself at the stage field.
          setConflict(isApiError(error, 409) && error.code === 'conflict');
          setMessage(applyApiError(form, error, t));
        },
      },
    );
  });
  const rejected = form.values.stage === 'rejected';
  const leavingContract = target.stage === 'contract';
  const stageProps = form.getInputProps('stage');
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          {t('placements.stageDialog.current', {
            stage: t(`placements.stage.${target.stage}`),
          })}
        </Text>
        <NativeSelect
          label={t('placements.stageDialog.stage')}
          data={targets.map((stage) => ({ value: stage, label: t(`placements.stage.${stage}`) }))}
          required
          {...stageProps}
          onChange={(e) => {
            setConfirming(false);
            stageProps.onChange(e);
          }}
          aria-invalid={form.errors.stage ? true : undefined}
        />
        {leavingContract ? (
          <Text size="sm" data-testid="contract-exit-hint">
            {t('placements.stageDialog.leaveContractHint')}
          </Text>
        ) : null}
        <TextInput
          type="date"
          label={t('placements.stageDialog.on')}
          description={t('placements.stageDialog.onHint')}
          max={today}
          min={target.stageOn}
          required
          {...form.getInputProps('on')}
          aria-invalid={form.errors.on ? true : undefined}
        />
        {form.values.stage === 'internship_or_eq' ? (
          <NativeSelect
            label={t('placements.stageDialog.trialKind')}
            data={ZPlacementTrialKind.options.map((kind) => ({
              value: kind,
              label: t(`placements.trialKind.${kind}`),
            }))}
            {...form.getInputProps('trialKind')}
          />
        ) : null}
        {rejected ? (
          <NativeSelect
            label={t('placements.stageDialog.reason')}
            data={[
              { value: '', label: t('placements.stageDialog.chooseReason') },
              ...reasonOptions(target.stage).map((reason) => ({
                value: reason,
                label: t(`placements.reason.${reason}`),
              })),
            ]}
            required
            {...form.getInputProps('reason')}
            aria-invalid={form.errors.reason ? true : undefined}
          />
        ) : null}
        <Textarea
          label={
            rejected && form.values.reason === 'other'
              ? t('placements.stageDialog.note')
              : t('placements.optional', { label: t('placements.stageDialog.note') })
          }
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('note')}
          aria-invalid={form.errors.note ? true : undefined}
        />
        <FormAlert message={message}>
          {conflict ? <Text size="sm">{t('placements.stageDialog.conflictHint')}</Text> : null}
        </FormAlert>
        {confirming && form.values.stage === 'contract' ? (
          <Alert
            color="blue"
            variant="light"
            role="alert"
            title={t('placements.confirmContract.title')}
            data-testid="contract-confirm"
          >
            <Stack gap="xs">
              <Text size="sm">{t('placements.confirmContract.intro')}</Text>
              <List size="sm">
                {contractEffects(target.place).map((effect) => (
                  <List.Item key={effect.key}>
                    {t(`placements.confirmContract.${effect.key}`, effect.values)}
                  </List.Item>
                ))}
              </List>
              <Text size="sm">{t('placements.confirmContract.undo')}</Text>
            </Stack>
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={confirming ? () => setConfirming(false) : onClose}>
            {confirming ? t('placements.confirmContract.back') : t('app.cancel')}
          </Button>
          <Button type="submit" loading={move.isPending}>
            {confirming ? t('placements.confirmContract.submit') : t('placements.stageDialog.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "Phase ändern" of a placement: the next stage (later pipeline stages, or "abgelehnt" / "zurückgezogen"),
 * the day it happened (not in the future, not before the current stage), the kind of trial phase, the
 * rejection reason (required for "abgelehnt") and a note.
 */
export function PlacementStageDialog({ target, onClose }: PlacementStageDialogProps) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={target !== null}
      onClose={onClose}
      title={target ? t('placements.stageDialog.title', { name: target.client.name }) : ''}
    >
      {/* Keyed by id only: the saved placement (new version) arrives before the form's own success callback. */}
      {target ? <StageForm key={target.id} target={target} onClose={onClose} /> : null}
    </AppModal>
  );
}
