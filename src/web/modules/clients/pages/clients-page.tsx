import { Anchor, Button, Group, Paper, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useFormatters } from '../../../lib/format';
import { PageTitle } from '../../../ui/page-title';
import { Pager } from '../../../ui/pager';
import { PageLoader, QueryError } from '../../../ui/status';
import { useClientSearch } from '../api';

const PAGE_SIZE = 50;

/**
 * "Jugendliche" (`/clients`): one search box over every name spelling, phone, e-mail and postcode; the
 * hits with birth date, place, German level, stage and last contact. Search text and page live in the URL.
 */
export function ClientsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const [text, setText] = useState(q);
  const clients = useClientSearch(q, offset, PAGE_SIZE);
  const go = (nextQ: string, nextOffset = 0) => {
    const search = new URLSearchParams();
    if (nextQ.trim()) search.set('q', nextQ.trim());
    if (nextOffset > 0) search.set('offset', String(nextOffset));
    setParams(search, { replace: true });
  };
  return (
    <Stack>
      <PageTitle
        title={t('clients.list.title')}
        actions={
          <Button component={Link} to="/intake">
            {t('clients.list.intake')}
          </Button>
        }
      />
      <search aria-label={t('clients.list.searchLabel')}>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            go(text);
          }}
        >
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('clients.list.search')}
              description={t('clients.list.searchHint')}
              type="search"
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              w={360}
            />
            <Button type="submit">{t('clients.list.searchSubmit')}</Button>
          </Group>
        </form>
      </search>
      {clients.isPending ? <PageLoader /> : null}
      {clients.isError ? <QueryError error={clients.error} onRetry={() => void clients.refetch()} /> : null}
      {clients.data ? (
        <Paper withBorder p="md">
          <Table striped captionSide="top" verticalSpacing="sm">
            <Table.Caption>
              <VisuallyHidden>
                {q ? t('clients.list.captionFor', { q }) : t('clients.list.caption')}
              </VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('clients.list.name')}</Table.Th>
                <Table.Th scope="col">{t('clients.fields.dateOfBirth')}</Table.Th>
                <Table.Th scope="col">{t('clients.list.place')}</Table.Th>
                <Table.Th scope="col">{t('clients.fields.germanLevel')}</Table.Th>
                <Table.Th scope="col">{t('clients.list.stage')}</Table.Th>
                <Table.Th scope="col">{t('clients.list.counsellor')}</Table.Th>
                <Table.Th scope="col">{t('clients.list.lastContact')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {clients.data.items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text>{t('clients.list.empty')}</Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
              {clients.data.items.map((client) => (
                <Table.Tr key={client.id} data-testid="client-row">
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/clients/${client.id}`}>
                      {client.givenNames} {client.familyName}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{format.day(client.dateOfBirth)}</Table.Td>
                  <Table.Td>{[client.postcode, client.place].filter(Boolean).join(' ')}</Table.Td>
                  <Table.Td>{client.germanLevel ?? ''}</Table.Td>
                  <Table.Td>
                    {client.stage && client.caseId ? (
                      <Anchor component={Link} to={`/cases/${client.caseId}`}>
                        {t(`cases.stage.${client.stage}`, { defaultValue: client.stage })}
                      </Anchor>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{client.counsellorName ?? ''}</Table.Td>
                  <Table.Td>{format.day(client.lastContactOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager
            total={clients.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={(next) => go(q, next)}
          />
        </Paper>
      ) : null}
    </Stack>
  );
}
