import { Alert, Button, Group, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TImportJob } from '../../../../contracts/imports';
import { useFormatters } from '../../../lib/format';
import { affectedRows, duplicateWarnings } from '../issues';
import { ErrorTable, WarningTable } from './issue-tables';

/** Props of {@link DryRunReport}. */
export interface DryRunReportProps {
  job: TImportJob;
  /** Duplicate policy of a company import. */
  duplicates: 'skip' | 'import';
  onDuplicatesChange: (value: 'skip' | 'import') => void;
  onCommit: () => void;
  /** True while a run is going on or the mapping changed since this dry run. */
  commitBlocked: boolean;
  /** Why the import cannot start although the rows are valid (e.g. the mapping changed). */
  blockedReason?: string | null;
}

/** A figure of the dry run ("Gültige Zeilen 49.998"). */
function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={700} size="lg">
        {value}
      </Text>
    </div>
  );
}

/**
 * Result of a dry run: counts, every invalid row, the warnings, and the commit ("Importieren"), which
 * stays disabled while any row is invalid; company imports choose what happens to duplicates.
 */
export function DryRunReport({
  job,
  duplicates,
  onDuplicatesChange,
  onCommit,
  commitBlocked,
  blockedReason,
}: DryRunReportProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const hintId = useId();
  const invalidRows = affectedRows(job.errors);
  const hasErrors = job.status === 'invalid' || job.errors.length > 0;
  const dupes = job.target === 'companies' ? duplicateWarnings(job.warnings) : [];
  const disabled = hasErrors || commitBlocked;
  const hint = hasErrors ? t('importsUi.report.fixFirst') : (blockedReason ?? null);
  return (
    <Stack data-testid="dry-run-report">
      <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} m={0}>
        <Figure
          label={t('importsUi.report.rows')}
          value={format.number(job.totalRows ?? 0)}
          testId="count-rows"
        />
        <Figure
          label={t('importsUi.report.valid')}
          value={format.number(job.validRows)}
          testId="count-valid"
        />
        <Figure
          label={t('importsUi.report.invalid')}
          value={format.number(invalidRows)}
          testId="count-invalid"
        />
        <Figure
          label={t('importsUi.report.warnings')}
          value={format.number(job.warnings.length)}
          testId="count-warnings"
        />
      </SimpleGrid>
      {hasErrors ? (
        <Alert
          color="red"
          variant="light"
          title={t('importsUi.report.invalidTitle')}
          data-testid="report-invalid"
        >
          {t('importsUi.report.invalidText', { count: invalidRows, issues: job.errors.length })}
        </Alert>
      ) : (
        <Alert
          color="blue"
          variant="light"
          title={t('importsUi.report.validTitle')}
          data-testid="report-valid"
        >
          {t('importsUi.report.validText', { count: job.validRows })}
        </Alert>
      )}
      {job.errors.length > 0 ? (
        <section aria-labelledby={`${hintId}-errors`}>
          <Title order={3} size="h4" id={`${hintId}-errors`} mb="xs">
            {t('importsUi.report.errorsTitle', { count: job.errors.length })}
          </Title>
          <ErrorTable issues={job.errors} target={job.target} />
        </section>
      ) : null}
      {job.warnings.length > 0 ? (
        <section aria-labelledby={`${hintId}-warnings`}>
          <Title order={3} size="h4" id={`${hintId}-warnings`} mb="xs">
            {t('importsUi.report.warningsTitle', { count: job.warnings.length })}
          </Title>
          <WarningTable issues={job.warnings} target={job.target} />
        </section>
      ) : null}
      {dupes.length > 0 ? (
        <Radio.Group
          label={t('importsUi.report.duplicates', { count: dupes.length })}
          description={t('importsUi.report.duplicatesHint')}
          value={duplicates}
          onChange={(value) => onDuplicatesChange(value as 'skip' | 'import')}
        >
          <Stack gap={6} mt={6}>
            <Radio value="skip" label={t('importsUi.report.duplicatesSkip')} />
            <Radio value="import" label={t('importsUi.report.duplicatesImport')} />
          </Stack>
        </Radio.Group>
      ) : null}
      <Group align="center">
        <Button
          onClick={onCommit}
          disabled={disabled}
          aria-describedby={hint ? hintId : undefined}
          data-testid="commit-button"
        >
          {t('importsUi.report.commit')}
        </Button>
        {hint ? (
          <Text size="sm" id={hintId}>
            {hint}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
