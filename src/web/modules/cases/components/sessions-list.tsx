import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';
import { errorMessage } from '../../../ui/error-message';
import { displayNames } from '../../clients';
import { type TSession, useUpdateSession } from '../api';

/**
 * Sessions of a case, newest first: date and time, status (planned appointments can be marked as held or
 * cancelled), minutes, channel, participants, language, topics, notes.
 */
export function SessionsList({ sessions }: { sessions: readonly TSession[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const language = displayNames('language', i18n.language);
  const update = useUpdateSession();
  if (sessions.length === 0) return <Text>{t('cases.session.empty')}</Text>;
  const sorted = [...sessions].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return (
    <Stack gap="sm">
      {update.isError ? (
        <Text role="alert" c="var(--mantine-color-error)" size="sm">
          {errorMessage(update.error, t)}
        </Text>
      ) : null}
      <ul className="kausa-plain-list">
        {sorted.map((session) => (
          <li key={session.id} data-testid="session">
            <Stack gap={4} className="kausa-session">
              <Group gap="xs" wrap="wrap">
                <Text fw={600} component="h3" size="sm" m={0}>
                  {format.dateTime(session.startsAt)} · {t(`cases.channel.${session.channel}`)}
                </Text>
                <Badge color={session.status === 'planned' ? 'blue' : 'gray'} variant="light" tt="none">
                  {t(`cases.sessionStatus.${session.status}`)}
                </Badge>
                {session.durationMinutes ? (
                  <Text size="sm" component="span">
                    {t('cases.session.minutes', { count: session.durationMinutes })}
                  </Text>
                ) : null}
              </Group>
              <Text size="sm">
                {[
                  session.participants.length > 0
                    ? t('cases.session.withParticipants', {
                        list: session.participants
                          .map((p) =>
                            p.name
                              ? `${t(`cases.participant.${p.kind}`)} (${p.name})`
                              : t(`cases.participant.${p.kind}`),
                          )
                          .join(', '),
                      })
                    : null,
                  session.language
                    ? t('cases.session.inLanguage', { language: language(session.language) })
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              {session.topics.length > 0 ? (
                <Text size="sm">
                  {t('cases.session.topicsList', {
                    list: session.topics.map((topic) => t(`cases.topic.${topic}`)).join(', '),
                  })}
                </Text>
              ) : null}
              {session.notes ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {session.notes}
                </Text>
              ) : null}
              {session.status === 'planned' ? (
                <Group gap="xs">
                  <Button
                    size="compact-sm"
                    variant="default"
                    loading={update.isPending && update.variables?.id === session.id}
                    onClick={() =>
                      update.mutate({ id: session.id, version: session.version, status: 'held' })
                    }
                  >
                    {t('cases.session.markHeld')}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </li>
        ))}
      </ul>
    </Stack>
  );
}
