import { Alert, Anchor, Button, Group, List, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TCaseStage } from '../../../../contracts/cases';
import { isApiError } from '../../../lib/api';
import { todayDay } from '../../../lib/format';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { AppModal } from '../../../ui/overlays';
import { applyProblem, DateField, EnumSelect, useOptionalLabel } from '../../clients';
import { usePlacements } from '../../placements';
import { type TCaseOutcome, useMoveStage } from '../api';
import { moveTargets, nextStage, OUTCOMES } from '../stages';

/** The case a stage change applies to. */
export interface TStageDialogCase {
  id: string;
  clientName: string;
  stage: TCaseStage;
  version: number;
  /** The day the case opened; a change cannot be dated before it. */
  openedOn?: string;
  /** The day of the last stage change; a change cannot be dated before it either. */
  lastChangeOn?: string;
  /** Whether a running training contract is recorded (else "placed" and "in training" need a note). */
  hasContract?: boolean;
  /** The client: closing the case names their placements still running. */
  clientId?: string;
}

/**
 * The client's placements still running, named when the case is being closed: closing moves none of them
 * (they may end differently), so the counsellor sees which to close on their own page.
 */
function OpenPlacementsHint({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const open = usePlacements({ clientId, open: true, limit: 20 });
  const items = open.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" data-testid="open-placements-hint">
      <Stack gap={4}>
        <Text size="sm">{t('cases.stageDialog.openPlacements', { count: items.length })}</Text>
        <List size="sm">
          {items.map((p) => (
            <List.Item key={p.id}>
              <Anchor component={Link} to={`/placements/${p.id}`} size="sm">
                {p.place.title ?? p.place.company.name}
              </Anchor>{' '}
              ({p.place.company.name}, {t(`placements.stage.${p.stage}`)})
            </List.Item>
          ))}
        </List>
      </Stack>
    </Alert>
  );
}

/** Props of {@link StageDialog}. */
export interface StageDialogProps {
  /** The case to move; null → closed. */
  target: TStageDialogCase | null;
  /** Stage preselected (board menu); default: the next stage of the pipeline. */
  initialStage?: TCaseStage | null;
  onClose: () => void;
  /** Called after a successful change. */
  onMoved?: (stage: TCaseStage) => void;
}

interface TValues {
  stage: string;
  changedOn: string;
  outcome: string;
  note: string;
}

function StageForm({
  target,
  initialStage,
  onClose,
  onMoved,
}: StageDialogProps & { target: TStageDialogCase }) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const move = useMoveStage();
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const today = todayDay();
  const targets = moveTargets(target.stage);
  const form = useForm<TValues>({
    initialValues: {
      stage: initialStage ?? nextStage(target.stage) ?? targets[0] ?? 'closed',
      changedOn: today,
      outcome: '',
      note: '',
    },
    validate: {
      changedOn: (v) => {
        if (!v) return t('cases.stageDialog.dateRequired');
        if (v > today) return t('cases.stageDialog.dateInFuture');
        if (target.openedOn && v < target.openedOn) return t('cases.stageDialog.dateBeforeOpened');
        if (target.lastChangeOn && v < target.lastChangeOn) return t('cases.stageDialog.dateBeforeLast');
        return null;
      },
      outcome: (v, values) =>
        values.stage === 'closed' && !v ? t('cases.stageDialog.outcomeRequired') : null,
      note: (v, values) =>
        (values.stage === 'placed' || values.stage === 'in_training') &&
        target.hasContract === false &&
        !v.trim()
          ? t('cases.stageDialog.noteRequired')
          : null,
    },
  });
  const needsContract = form.values.stage === 'placed' || form.values.stage === 'in_training';
  const submit = form.onSubmit((values) => {
    setMessage(null);
    setConflict(false);
    const stage = values.stage as TCaseStage;
    move.mutate(
      {
        caseId: target.id,
        version: target.version,
        stage,
        changedOn: values.changedOn,
        outcome: stage === 'closed' ? (values.outcome as TCaseOutcome) : null,
        note: values.note.trim() || null,
      },
      {
        onSuccess: () => {
          notifySuccess(
            t('cases.stageDialog.moved', { name: target.clientName, stage: t(`cases.stage.${stage}`) }),
          );
          onMoved?.(stage);
          onClose();
        },
        onError: (error) => {
          setConflict(isApiError(error, 409));
          setMessage(applyProblem(form, error, t));
        },
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('cases.stageDialog.current', { stage: t(`cases.stage.${target.stage}`) })}</Text>
        <NativeSelect
          label={t('cases.stageDialog.stage')}
          data={targets.map((stage) => ({ value: stage, label: t(`cases.stage.${stage}`) }))}
          required
          {...form.getInputProps('stage')}
        />
        <DateField
          label={t('cases.stageDialog.changedOn')}
          description={t('cases.stageDialog.changedOnHint')}
          max={today}
          min={target.lastChangeOn ?? target.openedOn}
          required
          {...form.getInputProps('changedOn')}
        />
        {form.values.stage === 'closed' && target.clientId ? (
          <OpenPlacementsHint clientId={target.clientId} />
        ) : null}
        {form.values.stage === 'closed' ? (
          <EnumSelect
            label={t('cases.stageDialog.outcome')}
            values={OUTCOMES}
            prefix="cases.outcome"
            emptyLabel={t('cases.stageDialog.chooseOutcome')}
            required
            {...form.getInputProps('outcome')}
          />
        ) : null}
        {needsContract && target.hasContract !== true ? (
          <Text size="sm" data-testid="contract-hint">
            {target.hasContract === false
              ? t('cases.stageDialog.noContract')
              : t('cases.stageDialog.contractOrNote')}
          </Text>
        ) : null}
        <Textarea
          label={
            needsContract && target.hasContract === false
              ? t('cases.stageDialog.note')
              : optional(t('cases.stageDialog.note'))
          }
          autosize
          minRows={2}
          {...form.getInputProps('note')}
          aria-invalid={form.errors.note ? true : undefined}
        />
        <FormAlert message={message}>
          {conflict ? <Text size="sm">{t('cases.stageDialog.conflictHint')}</Text> : null}
        </FormAlert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={move.isPending}>
            {t('cases.stageDialog.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "Phase ändern": the new stage (default the next one), the day it happened (not in the future, not before
 * the case opened), the outcome when closing and an optional note. Also the keyboard alternative of the
 * board's drag and drop.
 */
export function StageDialog(props: StageDialogProps) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={props.target !== null}
      onClose={props.onClose}
      title={props.target ? t('cases.stageDialog.title', { name: props.target.clientName }) : ''}
    >
      {props.target ? (
        <StageForm
          key={`${props.target.id}-${props.target.version}-${props.initialStage ?? ''}`}
          {...props}
          target={props.target}
        />
      ) : null}
    </AppModal>
  );
}
