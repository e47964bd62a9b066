import { Group, Progress, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PLACEMENT_PIPELINE,
  type TPlacement,
  type TPlacementScore,
  type TPlacementStage,
} from '../../../../contracts/placements';
import { useFormatters } from '../../../lib/format';

/** Term/value rows as a description list; an empty value reads "nicht angegeben". */
export function Facts({ rows, testId }: { rows: Array<[string, React.ReactNode]>; testId?: string }) {
  const { t } = useTranslation();
  return (
    <dl className="kausa-dl" data-testid={testId}>
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>
            {value === null || value === undefined || value === '' ? (
              <>
                <span aria-hidden="true">–</span>
                <VisuallyHidden component="span">{t('placements.notStated')}</VisuallyHidden>
              </>
            ) : (
              value
            )}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

/**
 * The placement pipeline as an ordered list with the current stage marked (`aria-current="step"`); a
 * placement that left by a side exit shows it after the stage it left from. On a place that is not an
 * apprenticeship the pipeline ends at the trial stage: a training contract is not possible there.
 */
export function PlacementPipeline({
  placement,
}: {
  placement: Pick<TPlacement, 'stage' | 'history'> & { place: Pick<TPlacement['place'], 'kind'> };
}) {
  const { t } = useTranslation();
  const pipeline =
    placement.place.kind === 'apprenticeship' || placement.stage === 'contract'
      ? PLACEMENT_PIPELINE
      : PLACEMENT_PIPELINE.filter((s) => s !== 'contract');
  const exit = placement.stage === 'rejected' || placement.stage === 'withdrawn';
  // The last pipeline stage reached (for a side exit: the stage it left from).
  const reached: TPlacementStage = exit
    ? ([...placement.history].reverse().find((h) => h.toStage === placement.stage)?.fromStage ?? 'proposed')
    : placement.stage;
  const current = pipeline.indexOf(reached);
  const steps: Array<{ stage: TPlacementStage; state: 'done' | 'current' | 'todo' }> = pipeline.map(
    (stage, index) => ({
      stage,
      state: index < current || (exit && index === current) ? 'done' : index === current ? 'current' : 'todo',
    }),
  );
  const shown = exit
    ? [...steps.slice(0, current + 1), { stage: placement.stage, state: 'current' as const }]
    : steps;
  return (
    <ol
      className="kausa-pipeline"
      aria-label={t('placements.page.pipeline')}
      data-testid="placement-pipeline"
    >
      {shown.map(({ stage, state }, index) => (
        <li key={stage} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
          <span className="kausa-pipeline-marker" aria-hidden="true">
            {state === 'done' ? '✓' : index + 1}
          </span>
          <span>
            {t(`placements.stage.${stage}`)}
            {state === 'done' ? (
              <VisuallyHidden component="span">{` – ${t('placements.page.passed')}`}</VisuallyHidden>
            ) : null}
            {state === 'current' ? (
              <VisuallyHidden component="span">{` – ${t('placements.page.currentStage')}`}</VisuallyHidden>
            ) : null}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Every stage change with its day, who recorded it, the reason or trial kind and the note, oldest first. */
export function PlacementHistory({ history }: { history: TPlacement['history'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <ol className="kausa-timeline" data-testid="placement-history">
      {history.map((change) => (
        <li key={`${change.recordedAt}-${change.toStage}`} data-testid="placement-history-entry">
          <Stack gap={2}>
            <Text fw={500}>
              {change.fromStage
                ? t('placements.history.moved', {
                    date: format.day(change.on),
                    from: t(`placements.stage.${change.fromStage}`),
                    to: t(`placements.stage.${change.toStage}`),
                  })
                : t('placements.history.created', { date: format.day(change.on) })}
            </Text>
            {change.reason ? (
              <Text size="sm">
                {t('placements.history.reason', { reason: t(`placements.reason.${change.reason}`) })}
              </Text>
            ) : null}
            {change.trialKind ? <Text size="sm">{t(`placements.trialKind.${change.trialKind}`)}</Text> : null}
            {change.note ? <Text size="sm">{change.note}</Text> : null}
            <Text size="xs">
              {t('placements.history.by', {
                name: change.changedByName ?? t('placements.history.unknownUser'),
              })}
            </Text>
          </Stack>
        </li>
      ))}
    </ol>
  );
}

/** The matching score saved with the placement: total as a bar, each factor's points, the flags. */
export function ScoreSnapshot({ score }: { score: TPlacementScore }) {
  const { t } = useTranslation();
  const percent = Math.round(score.score * 100);
  return (
    <Stack gap="xs" data-testid="score-snapshot">
      <Group gap="sm" wrap="nowrap">
        <Progress value={percent} size="lg" style={{ flex: 1 }} aria-label={t('placements.score.label')} />
        <Text fw={700}>{t('placements.score.percent', { percent })}</Text>
      </Group>
      <ul className="kausa-plain-list" style={{ gap: 4 }}>
        {score.factors.map((f) => (
          <li key={f.key}>
            <Text size="sm">
              {t('placements.score.factor', {
                factor: t(`matching.factor.${f.key}`, { defaultValue: f.key }),
                points: Math.round(f.contribution * 100),
                max: Math.round(f.weight * 100),
              })}
            </Text>
          </li>
        ))}
      </ul>
      {score.flags.length > 0 ? (
        <Text size="sm" fw={500} c="red.9">
          {score.flags.map((flag) => t(`matching.flag.${flag}`, { defaultValue: flag })).join(' · ')}
        </Text>
      ) : null}
    </Stack>
  );
}
