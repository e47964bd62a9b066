import { Group, Progress, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TImportProgress } from '../../../../contracts/imports';
import { useFormatters } from '../../../lib/format';
import type { TRunKind } from '../progress';

/** A run as the wizard shows it: running (with the latest report) or finished (with its duration). */
export interface TRunView {
  kind: TRunKind;
  /** Whole percent shown (0–100, never decreasing). */
  percent: number;
  progress: TImportProgress | null;
  /** Set once the run ended: how long it took, ms. */
  durationMs?: number;
  /** Rows of the file. */
  rows: number;
}

/**
 * The progress bar of a dry run or commit (`role="progressbar"` with an accessible name and
 * `aria-valuenow`), with the phase and row counts in words. A finished run keeps its full bar and says
 * how long it took. Only the start and the end are announced (a live region per chunk would chatter).
 */
export function RunProgress({ run }: { run: TRunView }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const done = run.durationMs !== undefined;
  const phase = run.progress?.phase ?? 'validating';
  const detail = done
    ? t(`importsUi.progress.done.${run.kind}`, {
        rows: format.number(run.rows),
        seconds: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(
          (run.durationMs ?? 0) / 1000,
        ),
      })
    : run.progress
      ? t(`importsUi.progress.${phase}`, {
          processed: format.number(run.progress.processed),
          total: format.number(run.progress.total),
        })
      : t('importsUi.progress.starting');
  return (
    <Stack gap={6} data-testid="run-progress" data-state={done ? 'done' : 'running'}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={500} id={`run-label-${run.kind}`}>
          {t(`importsUi.progress.label.${run.kind}`)}
        </Text>
        <Text size="sm" aria-hidden>
          {t('importsUi.progress.percent', { percent: run.percent })}
        </Text>
      </Group>
      <Progress
        value={run.percent}
        size="lg"
        aria-label={t(`importsUi.progress.label.${run.kind}`)}
        animated={!done}
        transitionDuration={150}
      />
      <Text size="sm" data-testid="run-progress-detail">
        {detail}
      </Text>
      <VisuallyHidden role="status">
        {done ? detail : t(`importsUi.progress.started.${run.kind}`)}
      </VisuallyHidden>
    </Stack>
  );
}
