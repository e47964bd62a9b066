import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TClient } from '../../../../contracts/clients';
import { useFormatters } from '../../../lib/format';
import { PageLoader, QueryError } from '../../../ui/status';
import { useSentLetters } from '../api';

/** "Versandprotokoll": what was printed or e-mailed, to whom, when, by whom, under which consent. */
export function SentLog({ client }: { client: TClient }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const sent = useSentLetters(client.id);
  const consentText = (id: string | null) => {
    if (!id) return t('selfService.sentLog.consentNone');
    const consent = client.consents.find((c) => c.id === id);
    return consent
      ? t('selfService.sentLog.consentGiven', { date: format.day(consent.givenOn) })
      : t('selfService.sentLog.consentUnknown', { id: id.slice(0, 8) });
  };
  return (
    <Stack gap="xs" data-testid="sent-log">
      <Title order={4} size="h5">
        {t('selfService.sentLog.title')}
      </Title>
      {sent.isPending ? <PageLoader /> : null}
      {sent.isError ? <QueryError error={sent.error} onRetry={() => void sent.refetch()} /> : null}
      {sent.data && sent.data.length === 0 ? <Text size="sm">{t('selfService.sentLog.empty')}</Text> : null}
      {sent.data && sent.data.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <caption className="kausa-visually-hidden">{t('selfService.sentLog.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('selfService.sentLog.when')}</Table.Th>
                <Table.Th scope="col">{t('selfService.sentLog.what')}</Table.Th>
                <Table.Th scope="col">{t('selfService.sentLog.channel')}</Table.Th>
                <Table.Th scope="col">{t('selfService.sentLog.to')}</Table.Th>
                <Table.Th scope="col">{t('selfService.sentLog.by')}</Table.Th>
                <Table.Th scope="col">{t('selfService.sentLog.consent')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sent.data.map((entry) => (
                <Table.Tr key={entry.id} data-testid="sent-log-row" data-channel={entry.channel}>
                  <Table.Td>{format.dateTime(entry.sentAt)}</Table.Td>
                  <Table.Td>
                    {t(`selfService.letters.kinds.${entry.kind}`)}
                    <Text size="xs" c="dimmed">
                      {t(`selfService.languageNames.${entry.usedLanguage}`)}:{' '}
                      <span lang={entry.usedLanguage} dir="auto">
                        {entry.subject}
                      </span>
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`selfService.sentLog.channels.${entry.channel}`)}</Table.Td>
                  <Table.Td>{entry.recipient ?? t('selfService.sentLog.printed')}</Table.Td>
                  <Table.Td>{entry.sentByName ?? '–'}</Table.Td>
                  <Table.Td>{consentText(entry.consentId)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
