import { Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCompanyStage } from '../../../../contracts/companies.enums';
import { isApiError } from '../../../lib/api';
import { todayDay } from '../../../lib/format';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { AppModal } from '../../../ui/overlays';
import { applyProblem, DateField, useOptionalLabel } from '../../clients';
import { useMoveCompanyStage } from '../api';
import { companyMoveTargets, defaultTargetStage, needsReason } from '../company-stages';

/** The company a stage change applies to. */
export interface TStageDialogCompany {
  id: string;
  name: string;
  stage: TCompanyStage;
  version: number;
  /** Day of the last stage change: a move cannot be dated before it. */
  lastChangeOn?: string;
}

/** Props of {@link CompanyStageDialog}. */
export interface CompanyStageDialogProps {
  /** The company to move; null → closed. */
  target: TStageDialogCompany | null;
  /** Stage preselected (board menu or drop); default: the next pipeline stage. */
  initialStage?: TCompanyStage | null;
  onClose: () => void;
}

interface TValues {
  stage: string;
  on: string;
  reason: string;
}

function StageForm({
  target,
  initialStage,
  onClose,
}: CompanyStageDialogProps & { target: TStageDialogCompany }) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const move = useMoveCompanyStage();
  const [message, setMessage] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const today = todayDay();
  const form = useForm<TValues>({
    initialValues: { stage: defaultTargetStage(target.stage, initialStage), on: today, reason: '' },
    validate: {
      on: (v) => {
        if (!v) return t('companies.validation.dateRequired');
        if (v > today) return t('companies.validation.inFuture');
        if (target.lastChangeOn && v < target.lastChangeOn) return t('companies.stageDialog.beforeLast');
        return null;
      },
      reason: (v, values) =>
        needsReason(values.stage) && !v.trim() ? t('companies.stageDialog.reasonRequired') : null,
    },
  });
  const withReason = needsReason(form.values.stage);
  const submit = form.onSubmit((values) => {
    setMessage(null);
    setStale(false);
    const to = values.stage as TCompanyStage;
    move.mutate(
      { id: target.id, version: target.version, to, on: values.on, reason: values.reason.trim() || null },
      {
        onSuccess: () => {
          notifySuccess(
            t('companies.stageDialog.moved', { name: target.name, stage: t(`companies.stage.${to}`) }),
          );
          onClose();
        },
        onError: (error) => {
          // A stale version: the data are refetched (see useCompanyMutation); the dialog says so.
          if (isApiError(error, 409) && error.code === 'conflict') {
            setStale(true);
            setMessage(t('companies.stageDialog.stale'));
            return;
          }
          setMessage(applyProblem(form, error, t));
        },
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          {t('companies.stageDialog.current', { stage: t(`companies.stage.${target.stage}`) })}
        </Text>
        <NativeSelect
          label={t('companies.stageDialog.stage')}
          data={companyMoveTargets(target.stage).map((stage) => ({
            value: stage,
            label: t(`companies.stage.${stage}`),
          }))}
          required
          {...form.getInputProps('stage')}
        />
        <DateField
          label={t('companies.stageDialog.on')}
          description={t('companies.stageDialog.onHint')}
          max={today}
          min={target.lastChangeOn}
          required
          {...form.getInputProps('on')}
        />
        <Textarea
          label={withReason ? t('companies.stageDialog.reason') : optional(t('companies.stageDialog.reason'))}
          description={withReason ? t('companies.stageDialog.reasonHint') : undefined}
          required={withReason}
          autosize
          minRows={2}
          {...form.getInputProps('reason')}
          aria-invalid={form.errors.reason ? true : undefined}
        />
        <FormAlert message={message}>
          {stale ? (
            <Group mt="sm">
              <Button size="xs" variant="default" onClick={onClose}>
                {t('companies.stageDialog.closeStale')}
              </Button>
            </Group>
          ) : null}
        </FormAlert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={move.isPending} disabled={stale}>
            {t('companies.stageDialog.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "Phase ändern" of a company: the new stage (default the next one, or the column it was dropped on),
 * the day it happened (default today; not in the future, not before the last change) and a reason,
 * required for "Abgesagt" and "Ruht". A stale version (someone else moved or changed the company) is
 * said plainly; the board or page has then reloaded the company and the move can be made again.
 */
export function CompanyStageDialog(props: CompanyStageDialogProps) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={props.target !== null}
      onClose={props.onClose}
      title={props.target ? t('companies.stageDialog.title', { name: props.target.name }) : ''}
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
