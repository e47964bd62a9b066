import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TAssignmentResult } from '../../../../contracts/matching';
import { todayDay } from '../../../lib/format';
import {
  clientSchedules,
  percentOf,
  scheduleCsv,
  scheduleFileName,
  scheduleGrid,
  type TPick,
  type TScheduleColumn,
  unmatchedGroups,
} from '../speed-dating';

/** Offers `text` as a file download (a temporary object URL on a clicked link). */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Props of {@link ScheduleView}. */
export interface ScheduleViewProps {
  result: TAssignmentResult;
  /** The companies in the order chosen (table columns). */
  columns: readonly TScheduleColumn[];
  /** The clients in the order chosen (per-person list). */
  clients: readonly TPick[];
}

/**
 * The plan of a speed dating: a summary, the grid rounds × companies (each cell: the person and the fit in
 * %), every person's meetings in time order, who meets nobody grouped by the server's reason (no fitting
 * company, or no round left at the companies that fit), "Drucken" (print styles keep only this section) and
 * "Als CSV herunterladen" (`;`-separated for German Excel).
 */
export function ScheduleView({ result, columns, clients }: ScheduleViewProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const grid = scheduleGrid(result, columns);
  const people = clientSchedules(result, clients);
  const unmatched = unmatchedGroups(result, clients);
  const average = result.meetings.length > 0 ? result.total / result.meetings.length : 0;
  const percent = (score: number) => t('matching.score.percent', { percent: percentOf(score) });
  const csv = () =>
    download(
      scheduleCsv(result, {
        slot: t('matching.speedDating.csv.slot'),
        company: t('matching.speedDating.csv.company'),
        client: t('matching.speedDating.csv.client'),
        score: t('matching.speedDating.csv.score'),
      }),
      scheduleFileName(todayDay()),
    );
  return (
    <Paper
      component="section"
      withBorder
      p="md"
      aria-labelledby={headingId}
      className="kausa-print-schedule"
      data-testid="schedule"
    >
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Title order={2} size="h3" id={headingId}>
            {t('matching.speedDating.planTitle')}
          </Title>
          <Group gap="xs" data-print-hide>
            <Button variant="default" onClick={() => window.print()}>
              {t('matching.speedDating.print')}
            </Button>
            <Button variant="default" onClick={csv} data-testid="schedule-csv">
              {t('matching.speedDating.downloadCsv')}
            </Button>
          </Group>
        </Group>
        <Text data-testid="schedule-summary">
          {t('matching.speedDating.summary', {
            count: result.meetings.length,
            rounds: t('matching.speedDating.rounds', { count: result.slots.length }),
            average: percent(average),
          })}
        </Text>
        {result.meetings.length === 0 ? (
          <Alert color="yellow" variant="light" data-testid="schedule-empty">
            {t('matching.speedDating.noMeetings')}
          </Alert>
        ) : null}
        <section
          className="kausa-schedule-scroll"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
          tabIndex={0}
          aria-label={t('matching.speedDating.tableTitle')}
        >
          <Table withTableBorder withColumnBorders captionSide="top" data-testid="schedule-table">
            <Table.Caption>{t('matching.speedDating.tableTitle')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('matching.speedDating.slot')}</Table.Th>
                {grid.columns.map((c) => (
                  <Table.Th key={c.id} scope="col" data-testid="schedule-company">
                    <Anchor component={Link} to={`/companies/${c.id}`}>
                      {c.name}
                    </Anchor>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grid.rows.map((row) => (
                <Table.Tr key={row.slot} data-testid="schedule-row">
                  <Table.Th scope="row">{row.label}</Table.Th>
                  {row.cells.map((m, j) => (
                    <Table.Td
                      key={grid.columns[j]?.id ?? j}
                      data-testid="schedule-cell"
                      data-client-id={m?.clientId}
                    >
                      {m ? (
                        <>
                          <Text size="sm" fw={600} component="span" display="block">
                            {m.clientName}
                          </Text>
                          <Text size="xs" component="span" display="block">
                            {t('matching.speedDating.fit', { percent: percent(m.score) })}
                          </Text>
                        </>
                      ) : (
                        <>
                          <span aria-hidden="true">–</span>
                          <VisuallyHidden>{t('matching.speedDating.free')}</VisuallyHidden>
                        </>
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('matching.speedDating.perClient')}
          </Title>
          <ul className="kausa-pick-list" data-testid="client-schedules">
            {people.map((p) => (
              <li key={p.clientId} data-testid="client-schedule">
                <Text size="sm" fw={600} component="span">
                  {p.name}:{' '}
                </Text>
                <Text size="sm" component="span">
                  {p.meetings.length === 0
                    ? t('matching.speedDating.noMeeting')
                    : p.meetings
                        .map((m) =>
                          t('matching.speedDating.meetingLine', {
                            slot: m.slotLabel,
                            company: m.companyName,
                            percent: percent(m.score),
                          }),
                        )
                        .join('; ')}
                </Text>
              </li>
            ))}
          </ul>
        </Stack>
        {unmatched.length > 0 ? (
          <Stack gap="xs" data-testid="schedule-unmatched">
            <Title order={3} size="h4">
              {t('matching.speedDating.unmatchedTitle')}
            </Title>
            {unmatched.map((group) => (
              <div key={group.reason} data-testid="unmatched-group" data-reason={group.reason}>
                <Text size="sm">
                  {t(`matching.speedDating.unmatched.${group.reason}`, { count: group.people.length })}
                </Text>
                <ul className="kausa-pick-list">
                  {group.people.map((p) => (
                    <li key={p.clientId}>
                      <Text size="sm" component="span">
                        {p.name}
                      </Text>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
