import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TImportJob } from '../../../../contracts/imports';
import { isApiError } from '../../../lib/api';
import { errorMessage } from '../../../ui/error-message';
import { FormAlert } from '../../../ui/form-errors';
import { PageSection } from '../../../ui/section';
import { fetchJobStatus, runCommit, runDryRun, useRefreshAfterImport } from '../api';
import {
  assignColumn,
  initialMapping,
  mappingToRequest,
  missingRequired,
  sameMapping,
  type TMappingState,
  unusedHeaders,
} from '../mapping';
import { nextPercent, runPercent, type TRunKind } from '../progress';
import { watchProgress } from '../progress-watch';
import { DryRunReport } from './dry-run-report';
import { ImportDone } from './import-done';
import { JobFacts } from './job-facts';
import { MappingTable } from './mapping-table';
import { RunProgress, type TRunView } from './run-progress';

/** Props of {@link JobWizard}. */
export interface JobWizardProps {
  job: TImportJob;
  /** Called with the job after a run (dry run or commit) answered. */
  onJob: (job: TImportJob) => void;
  /** Reloads the job from the server (after a conflict). */
  onReload: () => void;
  /** Back to the upload step. */
  onReset: () => void;
}

/** Field errors of a refused mapping (400 `import_mapping`: `body.mapping.<field>`). */
function mappingFieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error, 400)) return {};
  const errors: Record<string, string> = {};
  for (const e of error.fieldErrors) {
    const m = /^body\.mapping\.(.+)$/.exec(e.field);
    if (m?.[1]) errors[m[1]] = e.message;
  }
  return errors;
}

/**
 * Steps 2–4 of the import wizard for an uploaded file: what was detected, the column mapping, the dry
 * run ("Prüflauf") with its progress bar and report, the commit ("Importieren") with the same bar, and
 * the end with links to the lists. Progress arrives as server-sent events, else by polling.
 * Render it with `key={job.id}`: the mapping starts from the job.
 */
export function JobWizard({ job, onJob, onReload, onReset }: JobWizardProps) {
  const { t } = useTranslation();
  const refresh = useRefreshAfterImport();
  const [mapping, setMapping] = useState<TMappingState>(() => initialMapping(job));
  const [mappingErrors, setMappingErrors] = useState<Record<string, string>>({});
  const [run, setRun] = useState<TRunView | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<'skip' | 'import'>('skip');
  // The run's button is disabled while it runs (focus falls to the page): afterwards focus the result.
  const resultRef = useRef<HTMLDivElement>(null);
  const [runsDone, setRunsDone] = useState(0);
  useEffect(() => {
    if (runsDone > 0) resultRef.current?.focus();
  }, [runsDone]);
  const running = run !== null && run.durationMs === undefined;
  const committed = job.status === 'committed';
  const checked = (job.status === 'validated' || job.status === 'invalid') && job.mapping !== null;
  const mappingChanged = checked && !sameMapping(mapping, initialMapping({ ...job, mapping: job.mapping }));
  const unused = unusedHeaders(job.headers, mapping);

  const execute = async (kind: TRunKind, action: () => Promise<TImportJob>) => {
    setRunError(null);
    const startedAt = performance.now();
    setRun({ kind, percent: 0, progress: null, rows: job.totalRows ?? 0 });
    const watch = watchProgress({
      jobId: job.id,
      onProgress: (progress) =>
        setRun((r) =>
          r && r.kind === kind && r.durationMs === undefined
            ? { ...r, progress, percent: nextPercent(r.percent, runPercent(kind, progress)) }
            : r,
        ),
      poll: (signal) => fetchJobStatus(job.id, signal).then((j) => j.progress),
    });
    try {
      await watch.ready;
      const next = await action();
      watch.stop();
      setRun((r) => r && { ...r, percent: 100, durationMs: performance.now() - startedAt });
      onJob(next);
      setRunsDone((n) => n + 1);
    } catch (error) {
      watch.stop();
      setRun(null);
      const fieldErrors = mappingFieldErrors(error);
      if (Object.keys(fieldErrors).length > 0) setMappingErrors(fieldErrors);
      else setRunError(errorMessage(error, t));
      // A stale version, or rows that turned invalid since the dry run: show the job as it is now.
      if (isApiError(error, 409)) onReload();
    } finally {
      void refresh();
    }
  };

  const startDryRun = () => {
    const missing = missingRequired(job.fields, mapping);
    if (missing.length > 0) {
      setMappingErrors(Object.fromEntries(missing.map((f) => [f, t('importsUi.mapping.requiredMissing')])));
      return;
    }
    setMappingErrors({});
    void execute('dryRun', () => runDryRun(job, mappingToRequest(mapping)));
  };

  return (
    <Stack>
      <PageSection
        title={t('importsUi.facts.title')}
        actions={
          committed ? null : (
            <Button variant="default" onClick={onReset} disabled={running}>
              {t('importsUi.facts.otherFile')}
            </Button>
          )
        }
        data-testid="job-facts"
      >
        <JobFacts job={job} />
      </PageSection>

      {committed ? null : (
        <PageSection title={t('importsUi.mapping.title')} data-testid="mapping-step">
          <Stack>
            <Text size="sm">{t('importsUi.mapping.intro')}</Text>
            <MappingTable
              job={job}
              value={mapping}
              onChange={(field, header) => {
                setMapping((m) => assignColumn(m, field, header));
                setMappingErrors(({ [field]: _, ...rest }) => rest);
              }}
              errors={mappingErrors}
              disabled={running}
            />
            {unused.length > 0 ? (
              <Text size="sm" data-testid="unused-columns">
                {t('importsUi.mapping.unused', { columns: unused.join(', ') })}
              </Text>
            ) : null}
            <Group>
              <Button onClick={startDryRun} disabled={running} data-testid="dry-run-button">
                {checked ? t('importsUi.mapping.dryRunAgain') : t('importsUi.mapping.dryRun')}
              </Button>
            </Group>
          </Stack>
        </PageSection>
      )}

      {run ? (
        <PageSection title={t(`importsUi.progress.title.${run.kind}`)} data-testid="progress-section">
          <RunProgress run={run} />
        </PageSection>
      ) : null}
      <FormAlert message={runError} />
      {job.status === 'failed' ? (
        <Alert color="red" variant="light" role="alert" title={t('importsUi.failed.title')}>
          {t('importsUi.failed.text')}
        </Alert>
      ) : null}

      <div ref={resultRef} tabIndex={-1} style={{ outline: 'none' }} data-testid="run-result">
        <Stack>
          {checked && !running ? (
            <PageSection title={t('importsUi.report.title')} data-testid="report-section">
              <DryRunReport
                job={job}
                duplicates={duplicates}
                onDuplicatesChange={setDuplicates}
                onCommit={() => void execute('commit', () => runCommit(job, duplicates))}
                commitBlocked={running || mappingChanged}
                blockedReason={mappingChanged ? t('importsUi.report.mappingChanged') : null}
              />
            </PageSection>
          ) : null}

          {committed ? (
            <PageSection title={t('importsUi.done.section')} data-testid="done-section">
              <ImportDone job={job} onAnother={onReset} />
            </PageSection>
          ) : null}
        </Stack>
      </div>
    </Stack>
  );
}
