import { Alert, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TClient } from '../../../../contracts/clients';
import type { TProfileSubmission, TTakeOverField } from '../../../../contracts/self-service';
import { isApiError } from '../../../lib/api';
import { useFormatters } from '../../../lib/format';
import { errorMessage } from '../../../ui/error-message';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { PageLoader, QueryError } from '../../../ui/status';
import { useConfirmSubmission, useSubmissions } from '../api';
import { compareRows, defaultTicks } from '../submission-compare';
import { AnswerValue, RecordValue } from './compare-values';

/**
 * One submitted profile beside the record: a row per answer with the record's value and a tick box
 * for the answers that can be taken over; "Ausgewählte Angaben übernehmen" writes them with the
 * record's version (someone else's change in between → a clear 409 message and "reload").
 */
function SubmissionReview({ client, submission }: { client: TClient; submission: TProfileSubmission }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const confirm = useConfirmSubmission(client.id);
  const rows = compareRows(submission, client);
  const [ticked, setTicked] = useState<TTakeOverField[]>(() =>
    defaultTicks(rows, submission.confirmedFields),
  );
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const label = (field: string) => t(`selfService.submissions.fields.${field}`);
  const toggle = (field: TTakeOverField, on: boolean) =>
    setTicked((list) => (on ? [...list.filter((f) => f !== field), field] : list.filter((f) => f !== field)));

  const submit = () => {
    setMessage(null);
    setConflict(false);
    if (ticked.length === 0) {
      setMessage(t('selfService.submissions.nothingChosen'));
      return;
    }
    confirm.mutate(
      { submissionId: submission.id, fields: ticked, version: client.version },
      {
        onSuccess: () => {
          notifySuccess(t('selfService.submissions.confirmed'));
          setTicked([]);
        },
        onError: (error) => {
          if (isApiError(error, 409) && error.code === 'conflict') setConflict(true);
          else setMessage(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <Paper withBorder p="sm" data-testid="profile-submission" data-state={submission.state}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={4} size="h5">
            {t('selfService.submissions.heading', {
              date: format.dateTime(submission.submittedAt),
              language: t(`selfService.languageNames.${submission.language}`),
            })}
          </Title>
          <Badge color={submission.state === 'confirmed' ? 'indigo' : 'blue'} variant="light" tt="none">
            {t(`selfService.submissions.states.${submission.state}`)}
          </Badge>
        </Group>
        {submission.confirmedAt ? (
          <Text size="sm">
            {t('selfService.submissions.confirmedBy', {
              date: format.dateTime(submission.confirmedAt),
              name: submission.confirmedByName ?? '–',
            })}
          </Text>
        ) : null}
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" data-testid="submission-compare">
            <caption className="kausa-visually-hidden">{t('selfService.submissions.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('selfService.submissions.field')}</Table.Th>
                <Table.Th scope="col">{t('selfService.submissions.answer')}</Table.Th>
                <Table.Th scope="col">{t('selfService.submissions.record')}</Table.Th>
                <Table.Th scope="col">{t('selfService.submissions.take')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const field = row.field as TTakeOverField;
                const done = submission.confirmedFields.includes(field);
                return (
                  <Table.Tr key={row.field} data-field={row.field}>
                    <Table.Th scope="row">{label(row.field)}</Table.Th>
                    <Table.Td>
                      <AnswerValue field={row.field} submission={submission} />
                    </Table.Td>
                    <Table.Td>
                      <RecordValue field={row.field} client={client} />
                    </Table.Td>
                    <Table.Td>
                      {row.takeable ? (
                        <Group gap="xs" wrap="nowrap">
                          <Checkbox
                            aria-label={t('selfService.submissions.takeField', { field: label(row.field) })}
                            checked={ticked.includes(field)}
                            onChange={(e) => toggle(field, e.currentTarget.checked)}
                          />
                          {done ? (
                            <Text size="xs" c="dimmed">
                              {t('selfService.submissions.taken')}
                            </Text>
                          ) : null}
                        </Group>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="sm" c="dimmed">
          {t('selfService.submissions.merge')}
        </Text>
        <FormAlert message={message} />
        {conflict ? (
          <Alert color="red" variant="light" role="alert" data-testid="confirm-conflict">
            <Stack gap="xs" align="flex-start">
              {t('selfService.submissions.conflict')}
              <Button
                variant="default"
                size="xs"
                onClick={() => {
                  setConflict(false);
                  void queryClient.invalidateQueries({ queryKey: ['clients', 'detail', client.id] });
                }}
              >
                {t('selfService.submissions.reload')}
              </Button>
            </Stack>
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button onClick={submit} loading={confirm.isPending} data-testid="confirm-submission">
            {t('selfService.submissions.confirm')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** "Eingegangene Profile": each submission beside the record, newest first. */
export function SubmissionsPanel({ client }: { client: TClient }) {
  const { t } = useTranslation();
  const submissions = useSubmissions(client.id);
  return (
    <Stack gap="sm" data-testid="profile-submissions">
      <Title order={3} size="h4">
        {t('selfService.submissions.title')}
      </Title>
      {submissions.isPending ? <PageLoader /> : null}
      {submissions.isError ? (
        <QueryError error={submissions.error} onRetry={() => void submissions.refetch()} />
      ) : null}
      {submissions.data && submissions.data.length === 0 ? (
        <Text size="sm">{t('selfService.submissions.empty')}</Text>
      ) : null}
      {submissions.data?.map((s) => (
        <SubmissionReview key={s.id} client={client} submission={s} />
      ))}
    </Stack>
  );
}
