import { Badge, Group, Progress, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TMatchRun, TMatchRunStatus } from '../../../../contracts/matching';
import { useFormatters } from '../../../lib/format';
import { runActive } from '../api';
import { runSeconds } from '../run-form';

const STATUS_COLOUR: Record<TMatchRunStatus, string> = {
  queued: 'gray',
  running: 'blue',
  done: 'indigo',
  failed: 'red',
};

/** The status of a run as a badge. */
export function RunStatusBadge({ status }: { status: TMatchRunStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOUR[status]} variant="light" tt="none" miw="max-content" data-testid="run-status">
      {t(`matching.runs.status.${status}`)}
    </Badge>
  );
}

/**
 * The progress of a run as a named progress bar ("Lauf: 42 %"), the rows done in words, and once it ended how
 * long it took. Only the end is announced to screen readers (an announcement per step would chatter).
 */
export function RunProgress({ run, label }: { run: TMatchRun; label: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const active = runActive(run);
  const seconds = runSeconds(run);
  const percent = run.status === 'done' ? 100 : run.progress.percent;
  const secondsText = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(seconds ?? 0);
  // A region run names its offices done, not rows: rows would count the people of the offices below.
  const parts = run.parts;
  const detail =
    run.status === 'done'
      ? run.counts.results === null
        ? t('matching.runs.doneDetailWithheld', { seconds: secondsText })
        : t('matching.runs.doneDetail', { results: format.number(run.counts.results), seconds: secondsText })
      : run.status === 'failed'
        ? t('matching.runs.failedDetail', { code: run.errorCode ?? '–' })
        : parts
          ? t('matching.runs.progressParts', {
              done: parts.filter((p) => p.status === 'done').length,
              total: parts.length,
            })
          : t('matching.runs.progressDetail', {
              done: format.number(run.progress.done),
              total: format.number(run.progress.total),
            });
  return (
    <Stack gap={4} data-testid="run-progress" data-state={run.status}>
      <Group gap="sm" wrap="nowrap">
        <Progress
          value={percent}
          size="lg"
          style={{ flex: 1, minWidth: '8rem' }}
          animated={active}
          color={run.status === 'failed' ? 'red' : undefined}
          aria-label={t('matching.runs.progressLabel', { name: label })}
        />
        <Text size="sm" fw={600} miw="3rem" ta="end">
          {t('matching.score.percent', { percent })}
        </Text>
      </Group>
      <Text size="sm" data-testid="run-progress-detail">
        {detail}
      </Text>
      <VisuallyHidden role="status">{active ? '' : detail}</VisuallyHidden>
    </Stack>
  );
}

/** A region run's badge, or the line that names the region run a part belongs to (nothing for an office run). */
export function RunScope({ run }: { run: TMatchRun }) {
  const { t } = useTranslation();
  if (run.scope === 'region')
    return (
      <Badge variant="outline" color="grape" tt="none" data-testid="run-scope-region">
        {t('matching.runs.regionBadge')}
      </Badge>
    );
  if (run.region)
    return (
      <Text size="xs" data-testid="run-part-of">
        {t('matching.runs.partOf', { office: run.region.officeName })}
      </Text>
    );
  return null;
}
