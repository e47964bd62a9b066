import { Anchor, List, Table, Text, VisuallyHidden } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TImportIssue, TImportTarget } from '../../../../contracts/imports';
import { useFormatters } from '../../../lib/format';
import { Pager } from '../../../ui/pager';
import { countByCode, groupByRow, pageOf } from '../issues';

/** Rows of the file per page of the error and warning tables. */
export const ISSUE_PAGE_SIZE = 50;
/** Invalid rows from which the table gets a summary by kind of problem above it. */
const SUMMARY_FROM_ROWS = 10;

/** The target field's label and, when it differs, the file's column header. */
function FieldCell({ issue, target }: { issue: TImportIssue; target: TImportTarget }) {
  const { t } = useTranslation();
  if (!issue.field) return <Text size="sm">{issue.column ?? '–'}</Text>;
  const label = t(`importsUi.fields.${target}.${issue.field}`, { defaultValue: issue.field });
  return (
    <Text size="sm">
      {label}
      {issue.column && issue.column !== label ? (
        <Text component="span" size="xs" c="dimmed" display="block">
          {t('importsUi.issues.column', { column: issue.column })}
        </Text>
      ) : null}
    </Text>
  );
}

/** The row number as a spreadsheet shows it, or "ganze Datei" for a problem of the whole file. */
function RowLabel({ row }: { row: number | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return <>{row === null ? t('importsUi.issues.wholeFile') : format.number(row)}</>;
}

/** Props of {@link ErrorTable}. */
export interface IssueTableProps {
  issues: readonly TImportIssue[];
  target: TImportTarget;
}

/**
 * Every invalid row of a dry run: row number (as a spreadsheet shows it), field, cell value, reason
 * and suggestion (the nearest recognised occupation), one table row per problem grouped under the
 * file row, paged by file rows; above it, how often each kind of problem occurs.
 */
export function ErrorTable({ issues, target }: IssueTableProps) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const groups = groupByRow(issues);
  const page = pageOf(groups, offset, ISSUE_PAGE_SIZE);
  const counts = countByCode(issues);
  return (
    <>
      {counts.length > 1 && groups.length > SUMMARY_FROM_ROWS ? (
        <List size="sm" spacing={2} data-testid="error-summary" aria-label={t('importsUi.issues.summary')}>
          {counts.map((c) => (
            <List.Item key={c.code}>
              {t('importsUi.issues.summaryItem', { count: c.count, example: c.example })}
            </List.Item>
          ))}
        </List>
      ) : null}
      <Table.ScrollContainer minWidth={640}>
        <Table captionSide="top" verticalSpacing="xs" withRowBorders data-testid="error-table">
          <Table.Caption>
            <VisuallyHidden>{t('importsUi.issues.errorCaption')}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('importsUi.issues.row')}</Table.Th>
              <Table.Th scope="col">{t('importsUi.issues.field')}</Table.Th>
              <Table.Th scope="col">{t('importsUi.issues.value')}</Table.Th>
              <Table.Th scope="col">{t('importsUi.issues.reason')}</Table.Th>
              <Table.Th scope="col">{t('importsUi.issues.suggestion')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page.items.map((group) => (
              <Fragment key={group.row ?? 'file'}>
                {group.issues.map((issue, i) => (
                  <Table.Tr
                    // biome-ignore lint/suspicious/noArrayIndexKey: a row's issues have no id and never reorder
                    key={i}
                    data-testid="error-row"
                    data-row={group.row ?? ''}
                    data-code={issue.code}
                  >
                    {i === 0 ? (
                      <Table.Th
                        scope="row"
                        rowSpan={group.issues.length}
                        fw={500}
                        style={{ verticalAlign: 'top' }}
                      >
                        <RowLabel row={group.row} />
                      </Table.Th>
                    ) : null}
                    <Table.Td>
                      <FieldCell issue={issue} target={target} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ overflowWrap: 'break-word' }}>
                        {issue.value ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{issue.message}</Text>
                    </Table.Td>
                    <Table.Td>
                      {issue.suggestion ? (
                        <Text size="sm" data-testid="suggestion">
                          {t('importsUi.issues.didYouMean', { name: issue.suggestion.name })}
                        </Text>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager total={groups.length} limit={ISSUE_PAGE_SIZE} offset={page.offset} onChange={setOffset} />
    </>
  );
}

/**
 * The warnings of a dry run (they do not stop the import): duplicates of an existing company (with a
 * link to it), companies that will be created for places, places that will be updated, missing
 * postcodes. Paged by warnings.
 */
export function WarningTable({ issues, target }: IssueTableProps) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const page = pageOf(issues, offset, ISSUE_PAGE_SIZE);
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table captionSide="top" verticalSpacing="xs" striped data-testid="warning-table">
          <Table.Caption>
            <VisuallyHidden>{t('importsUi.issues.warningCaption')}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('importsUi.issues.row')}</Table.Th>
              <Table.Th scope="col">{t('importsUi.issues.field')}</Table.Th>
              <Table.Th scope="col">{t('importsUi.issues.note')}</Table.Th>
              <Table.Th scope="col">{t('importsUi.issues.company')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page.items.map((issue, i) => (
              <Table.Tr
                // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no id; a page never reorders
                key={page.offset + i}
                data-testid="warning-row"
                data-code={issue.code}
              >
                <Table.Th scope="row" fw={500}>
                  <RowLabel row={issue.row} />
                </Table.Th>
                <Table.Td>
                  <FieldCell issue={issue} target={target} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{issue.message}</Text>
                </Table.Td>
                <Table.Td>
                  {issue.existingCompany ? (
                    <Anchor component={Link} to={`/companies/${issue.existingCompany.id}`} size="sm">
                      {t('importsUi.issues.existingCompany', { name: issue.existingCompany.name })}
                    </Anchor>
                  ) : issue.code === 'company_will_be_created' ? (
                    <Text size="sm">{t('importsUi.issues.willBeCreated')}</Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager total={issues.length} limit={ISSUE_PAGE_SIZE} offset={page.offset} onChange={setOffset} />
    </>
  );
}
