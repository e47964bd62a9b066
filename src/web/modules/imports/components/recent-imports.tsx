import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatters } from '../../../lib/format';
import { Pager } from '../../../ui/pager';
import { PageSection } from '../../../ui/section';
import { PageLoader, QueryError } from '../../../ui/status';
import { useImportList } from '../api';
import { ImportStatusBadge } from './job-facts';

const PAGE_SIZE = 10;

/**
 * "Letzte Importe": the office's import jobs, newest first, with target, file, status, rows, errors,
 * who started it and when; each links to its wizard (`/imports?job=…`) to continue or look back.
 */
export function RecentImports() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [offset, setOffset] = useState(0);
  const list = useImportList(offset, PAGE_SIZE);
  return (
    <PageSection title={t('importsUi.recent.title')} data-testid="recent-imports">
      {list.isPending ? <PageLoader /> : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped captionSide="top" verticalSpacing="xs">
              <Table.Caption>
                <VisuallyHidden>{t('importsUi.recent.caption')}</VisuallyHidden>
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('importsUi.recent.file')}</Table.Th>
                  <Table.Th scope="col">{t('importsUi.recent.target')}</Table.Th>
                  <Table.Th scope="col">{t('importsUi.recent.status')}</Table.Th>
                  <Table.Th scope="col">{t('importsUi.recent.rows')}</Table.Th>
                  <Table.Th scope="col">{t('importsUi.recent.errors')}</Table.Th>
                  <Table.Th scope="col">{t('importsUi.recent.by')}</Table.Th>
                  <Table.Th scope="col">{t('importsUi.recent.at')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text size="sm">{t('importsUi.recent.empty')}</Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
                {list.data.items.map((job) => (
                  <Table.Tr key={job.id} data-testid="recent-import" data-status={job.status}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} to={`/imports?job=${job.id}`} size="sm">
                        {job.fileName ?? t(`importsUi.format.${job.format}`)}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{t(`importsUi.target.${job.target}`)}</Table.Td>
                    <Table.Td>
                      <ImportStatusBadge status={job.status} />
                    </Table.Td>
                    <Table.Td>{job.totalRows === null ? '' : format.number(job.totalRows)}</Table.Td>
                    <Table.Td>{format.number(job.errorCount)}</Table.Td>
                    <Table.Td>{job.createdByName ?? ''}</Table.Td>
                    <Table.Td>{format.dateTime(job.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager total={list.data.total} limit={PAGE_SIZE} offset={offset} onChange={setOffset} />
        </>
      ) : null}
    </PageSection>
  );
}
