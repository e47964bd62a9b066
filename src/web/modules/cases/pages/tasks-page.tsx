import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../ui/page-title';
import { PageSection } from '../../../ui/section';
import { PageLoader, QueryError } from '../../../ui/status';
import { useTasks } from '../api';
import { TaskList } from '../components/task-list';

/**
 * "Meine Aufgaben" (`/tasks`): the signed-in user's overdue tasks first, then all their open tasks, each
 * with its case; ticking "done" saves at once.
 */
export function TasksPage() {
  const { t } = useTranslation();
  const overdue = useTasks({ mine: true, overdue: true });
  const open = useTasks({ mine: true });
  const openItems = (open.data ?? []).filter((task) => !task.done);
  const overdueItems = (overdue.data ?? []).filter((task) => !task.done);
  return (
    <Stack>
      <PageTitle title={t('cases.tasks.title')} />
      <Text>{t('cases.tasks.intro')}</Text>
      <PageSection
        title={t('cases.tasks.overdue', { count: overdueItems.length })}
        data-testid="overdue-tasks"
      >
        {overdue.isPending ? <PageLoader /> : null}
        {overdue.isError ? <QueryError error={overdue.error} onRetry={() => void overdue.refetch()} /> : null}
        {overdue.data ? (
          <TaskList tasks={overdueItems} withCase emptyText={t('cases.tasks.noOverdue')} />
        ) : null}
      </PageSection>
      <PageSection title={t('cases.tasks.open', { count: openItems.length })} data-testid="open-tasks">
        {open.isPending ? <PageLoader /> : null}
        {open.isError ? <QueryError error={open.error} onRetry={() => void open.refetch()} /> : null}
        {open.data ? <TaskList tasks={openItems} withCase emptyText={t('cases.tasks.noOpen')} /> : null}
      </PageSection>
    </Stack>
  );
}
