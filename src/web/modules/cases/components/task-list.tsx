import { Anchor, Badge, Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatters } from '../../../lib/format';
import { errorMessage } from '../../../ui/error-message';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { applyProblem, DateField, useOptionalLabel } from '../../clients';
import { type TTask, useCreateTask, useUpdateTask } from '../api';
import type { TOwnerOption } from './session-form';

/** Props of {@link TaskList}. */
export interface TaskListProps {
  tasks: readonly TTask[];
  /** Show the client's name linked to the case, or the company of a company follow-up (lists across cases). */
  withCase?: boolean;
  /** Called after a task was changed here (e.g. to refresh a view that shows the task's state). */
  onChanged?: () => void;
  /** Text when there are no tasks. */
  emptyText: string;
  'data-testid'?: string;
}

/**
 * Tasks with a "done" checkbox each (labelled with the task's title), due day (overdue marked in words,
 * not only by colour), owner and, across cases, the client linked to their case or the company linked to
 * its page (company follow-ups). Open tasks first.
 */
export function TaskList({ tasks, withCase, emptyText, onChanged, ...rest }: TaskListProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const update = useUpdateTask();
  // The box shows the new state at once; the server's answer (and the refetched list) then takes over.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const settle = (id: string) =>
    setPending((current) => {
      const { [id]: _settled, ...rest } = current;
      return rest;
    });
  if (tasks.length === 0) return <Text>{emptyText}</Text>;
  const sorted = [...tasks].sort(
    (a, b) => Number(a.done) - Number(b.done) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'),
  );
  return (
    <Stack gap="xs">
      {update.isError ? (
        <Text role="alert" c="var(--mantine-color-error)" size="sm">
          {errorMessage(update.error, t)}
        </Text>
      ) : null}
      <ul className="kausa-plain-list kausa-task-list" data-testid={rest['data-testid']}>
        {sorted.map((task) => (
          <li key={task.id} data-testid="task" data-done={task.done}>
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <Checkbox
                checked={pending[task.id] ?? task.done}
                disabled={task.id in pending}
                onChange={(event) => {
                  const done = event.currentTarget.checked;
                  setPending((current) => ({ ...current, [task.id]: done }));
                  update.mutate(
                    { id: task.id, version: task.version, done },
                    { onSettled: () => settle(task.id), onSuccess: () => onChanged?.() },
                  );
                }}
                label={task.title}
                aria-describedby={`task-meta-${task.id}`}
                styles={{
                  label: (pending[task.id] ?? task.done) ? { textDecoration: 'line-through' } : undefined,
                }}
              />
            </Group>
            <Group gap="xs" ml={32} wrap="wrap" id={`task-meta-${task.id}`}>
              {task.overdue && !task.done ? (
                <Badge color="red" variant="filled" tt="none">
                  {t('cases.task.overdue')}
                </Badge>
              ) : null}
              {task.dueOn ? (
                <Text size="xs" component="span">
                  {t('cases.task.due', { date: format.day(task.dueOn) })}
                </Text>
              ) : null}
              <Text size="xs" component="span">
                {task.ownerName ? t('cases.task.owner', { name: task.ownerName }) : t('cases.task.noOwner')}
              </Text>
              {withCase && task.caseId ? (
                <Anchor component={Link} to={`/cases/${task.caseId}`} size="xs">
                  {task.clientName ?? t('cases.task.toCase')}
                </Anchor>
              ) : null}
              {withCase && task.companyId ? (
                <Anchor component={Link} to={`/companies/${task.companyId}`} size="xs">
                  {task.companyName ?? t('cases.task.toCompany')}
                </Anchor>
              ) : null}
            </Group>
          </li>
        ))}
      </ul>
    </Stack>
  );
}

/** Inline form adding a task to a case: title, due day, owner. */
export function AddTaskForm({ caseId, owners }: { caseId: string; owners: readonly TOwnerOption[] }) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const create = useCreateTask();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { title: '', dueOn: '', ownerId: owners[0]?.id ?? '' },
    validate: { title: (v: string) => (v.trim().length >= 2 ? null : t('cases.task.titleRequired')) },
  });
  return (
    <form
      noValidate
      aria-label={t('cases.task.addLabel')}
      onSubmit={form.onSubmit((values) => {
        setMessage(null);
        create.mutate(
          {
            caseId,
            title: values.title.trim(),
            dueOn: values.dueOn || null,
            ownerId: values.ownerId || null,
          },
          {
            onSuccess: () => {
              notifySuccess(t('cases.task.added'));
              form.reset();
            },
            onError: (error) => setMessage(applyProblem(form, error, t)),
          },
        );
      })}
    >
      <Stack gap="xs">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('cases.task.title')}
            required
            style={{ flex: '1 1 16rem' }}
            {...form.getInputProps('title')}
            aria-invalid={form.errors.title ? true : undefined}
          />
          <DateField label={optional(t('cases.task.dueOn'))} {...form.getInputProps('dueOn')} />
          <NativeSelect
            label={t('cases.task.ownerLabel')}
            data={[
              ...owners.map((o) => ({ value: o.id, label: o.name })),
              { value: '', label: t('cases.task.noOwner') },
            ]}
            {...form.getInputProps('ownerId')}
          />
          <Button type="submit" variant="default" loading={create.isPending}>
            {t('cases.task.add')}
          </Button>
        </Group>
        <FormAlert message={message} />
      </Stack>
    </form>
  );
}
