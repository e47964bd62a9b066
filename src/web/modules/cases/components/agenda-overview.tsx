import { Anchor, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatters } from '../../../lib/format';
import { PageSection } from '../../../ui/section';
import { PageLoader, QueryError } from '../../../ui/status';
import { useAgenda } from '../api';
import { TaskList } from './task-list';

/** Days without contact after which a case is listed on the agenda. */
const NO_CONTACT_DAYS = 30;

/**
 * The counsellor's agenda on the home page: today's appointments, my overdue and other open tasks, my
 * cases without contact for 30 days, residence documents and work permits expiring soon (reminders of my
 * open cases). Each part is a section with an h2; every entry links to its case.
 */
export function AgendaOverview() {
  const { t } = useTranslation();
  const format = useFormatters();
  const agenda = useAgenda(NO_CONTACT_DAYS);
  if (agenda.isPending) return <PageLoader />;
  if (agenda.isError) return <QueryError error={agenda.error} onRetry={() => void agenda.refetch()} />;
  const data = agenda.data;
  const overdue = data.tasks.filter((task) => task.overdue && !task.done);
  const open = data.tasks.filter((task) => !task.overdue && !task.done);
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} data-testid="agenda">
      <PageSection title={t('agenda.appointments')} data-testid="agenda-appointments">
        {data.appointments.length === 0 ? (
          <Text>{t('agenda.noAppointments')}</Text>
        ) : (
          <ul className="kausa-plain-list">
            {data.appointments.map((a) => (
              <li key={a.id}>
                <Text size="sm">
                  <strong>{format.dateTime(a.startsAt)}</strong>{' '}
                  <Anchor component={Link} to={`/cases/${a.caseId}`}>
                    {a.clientName}
                  </Anchor>
                  {' · '}
                  {t(`cases.channel.${a.channel}`)}
                  {a.durationMinutes ? ` · ${t('cases.session.minutes', { count: a.durationMinutes })}` : ''}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </PageSection>
      <PageSection title={t('agenda.overdueTasks', { count: overdue.length })} data-testid="agenda-overdue">
        <TaskList tasks={overdue} withCase emptyText={t('cases.tasks.noOverdue')} />
      </PageSection>
      <PageSection title={t('agenda.openTasks', { count: open.length })} data-testid="agenda-open">
        <TaskList tasks={open} withCase emptyText={t('cases.tasks.noOpen')} />
        <Text size="sm" mt="sm">
          <Anchor component={Link} to="/tasks">
            {t('agenda.allTasks')}
          </Anchor>
        </Text>
      </PageSection>
      <PageSection title={t('agenda.noContact', { days: NO_CONTACT_DAYS })} data-testid="agenda-no-contact">
        {data.noContact.length === 0 ? (
          <Text>{t('agenda.noQuietCases')}</Text>
        ) : (
          <ul className="kausa-plain-list">
            {data.noContact.map((c) => (
              <li key={c.id}>
                <Text size="sm">
                  <Anchor component={Link} to={`/cases/${c.id}`}>
                    {c.clientName}
                  </Anchor>
                  {' · '}
                  {t(`cases.stage.${c.stage}`)}
                  {' · '}
                  {c.lastContactOn
                    ? t('agenda.lastContact', { date: format.day(c.lastContactOn) })
                    : t('cases.card.noContact')}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </PageSection>
      <PageSection title={t('agenda.expiring')} data-testid="agenda-expiring">
        {data.reminders.length === 0 ? (
          <Text>{t('agenda.noExpiring')}</Text>
        ) : (
          <ul className="kausa-plain-list">
            {data.reminders.map((r) => (
              <li key={`${r.caseId}-${r.kind}-${r.date}`}>
                <Text size="sm">
                  <strong>{format.day(r.date)}</strong>{' '}
                  <Anchor component={Link} to={`/cases/${r.caseId}`}>
                    {r.clientName}
                  </Anchor>
                  {' · '}
                  {t(`cases.reminders.kind.${r.kind}`)}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </PageSection>
    </SimpleGrid>
  );
}
