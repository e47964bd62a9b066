import { Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { TImportJob } from '../../../../contracts/imports';
import { PageTitle } from '../../../ui/page-title';
import { PageLoader, QueryError } from '../../../ui/status';
import { importsKeys, useImportJob } from '../api';
import { JobWizard } from '../components/job-wizard';
import { RecentImports } from '../components/recent-imports';
import { UploadStep } from '../components/upload-step';
import { isRunning } from '../progress';

/**
 * "Daten importieren" (`/imports`, `?job=<id>` for a job in progress): upload a CSV, Excel or BA
 * job-search file of companies or training places, map its columns, run a dry run that lists every
 * invalid row, then import everything at once; below, the office's recent imports.
 */
export function ImportsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const job = useImportJob(jobId);
  const running = job.data ? isRunning(job.data.status) : false;

  const show = (next: TImportJob) => {
    queryClient.setQueryData(importsKeys.job(next.id), next);
    if (next.id !== jobId) setParams({ job: next.id });
  };

  return (
    <Stack>
      <PageTitle title={t('importsUi.title')} />
      <Text>{t('importsUi.intro')}</Text>
      {!jobId ? <UploadStep onUploaded={show} /> : null}
      {jobId && job.isPending ? <PageLoader /> : null}
      {jobId && job.isError ? <QueryError error={job.error} onRetry={() => void job.refetch()} /> : null}
      {job.data && running ? (
        <Text role="status" data-testid="running-elsewhere">
          {t('importsUi.runningElsewhere')}
        </Text>
      ) : null}
      {job.data && !running ? (
        <JobWizard
          key={job.data.id}
          job={job.data}
          onJob={show}
          onReload={() => void job.refetch()}
          onReset={() => setParams({})}
        />
      ) : null}
      <RecentImports />
    </Stack>
  );
}
