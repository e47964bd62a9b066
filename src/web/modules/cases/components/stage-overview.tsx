import { Badge, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TCase } from '../../../../contracts/cases';
import { useFormatters } from '../../../lib/format';
import { chronological, stageStates } from '../stages';

/**
 * The pipeline as an ordered list with the current stage marked (`aria-current="step"`), the earlier stages
 * the case went through ticked — one it skipped (e.g. closed from "Vermittelt" without "In Ausbildung") is
 * marked skipped, not done — and the outcome of a closed case.
 */
export function StagePipeline({
  stage,
  outcome,
  history,
}: {
  stage: TCase['stage'];
  outcome: TCase['outcome'];
  history: TCase['history'];
}) {
  const { t } = useTranslation();
  return (
    <ol className="kausa-pipeline" aria-label={t('cases.pipelineLabel')} data-testid="stage-pipeline">
      {stageStates(stage, history).map(({ stage: s, state }, index) => {
        return (
          <li key={s} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="kausa-pipeline-marker" aria-hidden="true">
              {state === 'done' ? '✓' : index + 1}
            </span>
            <span>
              {t(`cases.stage.${s}`)}
              {state === 'current' && s === 'closed' && outcome ? ` (${t(`cases.outcome.${outcome}`)})` : ''}
              {state === 'done' ? (
                <VisuallyHidden component="span">{` – ${t('cases.passed')}`}</VisuallyHidden>
              ) : null}
              {state === 'skipped' ? (
                <VisuallyHidden component="span">{` – ${t('cases.skipped')}`}</VisuallyHidden>
              ) : null}
              {state === 'current' ? (
                <VisuallyHidden component="span">{` – ${t('cases.currentStage')}`}</VisuallyHidden>
              ) : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** Every stage change with its day, who recorded it and the note, oldest first. */
export function StageHistory({ history }: { history: TCase['history'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (history.length === 0) return <Text>{t('cases.history.empty')}</Text>;
  return (
    <ol className="kausa-timeline" data-testid="stage-history">
      {chronological(history).map((change, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: history entries have no id; their order is their identity.
        <li key={index} data-testid="history-entry">
          <Stack gap={2}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600} size="sm" component="span">
                {format.day(change.changedOn)}
              </Text>
              <Text size="sm" component="span">
                {change.fromStage
                  ? t('cases.history.moved', {
                      from: t(`cases.stage.${change.fromStage}`),
                      to: t(`cases.stage.${change.toStage}`),
                    })
                  : t('cases.history.opened', { to: t(`cases.stage.${change.toStage}`) })}
              </Text>
              {change.outcome ? (
                <Badge color="gray" variant="light" tt="none">
                  {t(`cases.outcome.${change.outcome}`)}
                </Badge>
              ) : null}
            </Group>
            {change.changedByName ? (
              <Text size="xs" c="dimmed">
                {t('cases.history.by', { name: change.changedByName })}
              </Text>
            ) : null}
            {change.note ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {change.note}
              </Text>
            ) : null}
          </Stack>
        </li>
      ))}
    </ol>
  );
}
