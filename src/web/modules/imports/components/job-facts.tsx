import { Badge, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TImportJobSummary, TImportStatus } from '../../../../contracts/imports';
import { useFormatters } from '../../../lib/format';

// Light badges keep ≥ 4.5:1 only in these hues (see ui/badges.tsx).
const STATUS_COLOURS: Record<TImportStatus, string> = {
  uploaded: 'gray',
  validating: 'blue',
  validated: 'blue',
  invalid: 'red',
  committing: 'indigo',
  committed: 'indigo',
  failed: 'red',
};

/** The translated status of an import job as a badge. */
export function ImportStatusBadge({ status }: { status: TImportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOURS[status]}
      variant={status === 'committed' ? 'filled' : 'light'}
      tt="none"
      miw="max-content"
      data-testid="import-status"
    >
      {t(`importsUi.status.${status}`)}
    </Badge>
  );
}

/** Props of {@link JobFacts}. */
export interface JobFactsProps {
  job: TImportJobSummary & { encoding: string | null; delimiter: string | null };
}

/** What the server detected in the file: target, file, format, encoding, delimiter, rows, status. */
export function JobFacts({ job }: JobFactsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const facts: Array<[string, React.ReactNode, string]> = [
    [t('importsUi.facts.target'), t(`importsUi.target.${job.target}`), 'target'],
    [t('importsUi.facts.file'), job.fileName ?? '–', 'file'],
    [t('importsUi.facts.format'), t(`importsUi.format.${job.format}`), 'format'],
    [
      t('importsUi.facts.encoding'),
      job.encoding ? t(`importsUi.encoding.${job.encoding}`, { defaultValue: job.encoding }) : '–',
      'encoding',
    ],
    [
      t('importsUi.facts.delimiter'),
      job.delimiter ? t(`importsUi.delimiter.${job.delimiter}`) : '–',
      'delimiter',
    ],
    [t('importsUi.facts.rows'), job.totalRows === null ? '–' : format.number(job.totalRows), 'rows'],
    [t('importsUi.facts.status'), <ImportStatusBadge key="s" status={job.status} />, 'status'],
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing="xs" m={0}>
      {facts.map(([label, value, key]) => (
        <div key={key} data-testid={`fact-${key}`}>
          <Text component="dt" size="sm" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0} fw={500}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
