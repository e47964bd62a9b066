import { Button, Group, NativeSelect, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { TOccupation } from '../../../../contracts/reference';
import { useFormatters } from '../../../lib/format';
import { PageTitle } from '../../../ui/page-title';
import { Pager } from '../../../ui/pager';
import { PageLoader, QueryError } from '../../../ui/status';
import { useKldbChildren, useOccupations } from '../api';
import { KldbBrowser } from '../components/kldb-browser';
import { LetterBar } from '../components/letter-bar';
import { OccupationTable } from '../components/occupation-table';
import {
  applyChoice,
  filtersFromParams,
  filtersToParams,
  OCCUPATION_KINDS,
  PAGE_SIZE,
} from '../occupation-filters';

/**
 * "Ausbildungsberufe" (`/occupations`, public): the recognised training occupations, found by search
 * (name, alias, misspelling), A–Z or KldB 2010 area; each with duration, chamber, KldB code and kind.
 * Everything chosen lives in the address, so views can be bookmarked and the back button works.
 */
export function OccupationsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const occupations = useOccupations(filters);
  const [text, setText] = useState(filters.q);
  const kldbNodes = useKldbChildren(
    filters.kldb && filters.kldb.length > 1 ? filters.kldb.slice(0, -1) : null,
    Boolean(filters.kldb),
  );

  const update = (choice: Parameters<typeof applyChoice>[1], replace = false) =>
    setParams(filtersToParams(applyChoice(filters, choice)), { replace });
  // Search as you type (replacing the history entry), and at once on Enter.
  const searchLater = useDebouncedCallback((q: string) => update({ type: 'search', q }, true), 350);

  // Follow the address (back button, letter or area chosen): the field shows the active search.
  useEffect(() => {
    setText((current) => (current.trim() === filters.q.trim() ? current : filters.q));
  }, [filters.q]);

  const kldbTitle = kldbNodes.data?.find((node) => node.code === filters.kldb)?.title;
  const resultTitle = filters.q.trim()
    ? t('occupations.results.search', { q: filters.q.trim() })
    : filters.letter
      ? t('occupations.results.letter', { letter: filters.letter })
      : filters.kldb
        ? t('occupations.results.kldb', { code: filters.kldb, title: kldbTitle ?? '' }).trim()
        : t('occupations.results.all');
  const total = occupations.data?.total ?? 0;

  return (
    <Stack gap="lg">
      <PageTitle title={t('occupations.title')} />
      <Text maw="70ch">{t('occupations.intro')}</Text>
      <search aria-label={t('occupations.search.label')}>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            searchLater.cancel();
            update({ type: 'search', q: text.trim() });
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              type="search"
              label={t('occupations.search.label')}
              description={t('occupations.search.hint')}
              value={text}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setText(value);
                searchLater(value);
              }}
              style={{ flex: '1 1 18rem' }}
              data-testid="occupation-search"
            />
            <Button type="submit">{t('occupations.search.submit')}</Button>
            <NativeSelect
              label={t('occupations.kindFilter')}
              value={filters.kind ?? ''}
              onChange={(event) =>
                update({
                  type: 'kind',
                  kind: (event.currentTarget.value || null) as TOccupation['kind'] | null,
                })
              }
              data={[
                { value: '', label: t('occupations.allKinds') },
                ...OCCUPATION_KINDS.map((kind) => ({
                  value: kind,
                  label: t(`occupations.kindsShort.${kind}`),
                })),
              ]}
            />
          </Group>
        </form>
      </search>
      <Tabs
        value={filters.view}
        onChange={(view) => update({ type: 'view', view: view === 'kldb' ? 'kldb' : 'az' }, true)}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="az">{t('occupations.tabs.az')}</Tabs.Tab>
          <Tabs.Tab value="kldb">{t('occupations.tabs.kldb')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="az" pt="md">
          <LetterBar
            letter={filters.letter}
            showsAll={!filters.letter && !filters.q.trim() && !filters.kldb}
            onSelect={(letter) => update({ type: 'letter', letter })}
          />
        </Tabs.Panel>
        <Tabs.Panel value="kldb" pt="md">
          <KldbBrowser selected={filters.kldb} onSelect={(code) => update({ type: 'kldb', code })} />
        </Tabs.Panel>
      </Tabs>
      <Stack gap="sm" component="section" aria-labelledby="occupations-results-title">
        <Title order={2} size="h3" id="occupations-results-title">
          {resultTitle}
        </Title>
        <Text role="status" aria-live="polite" data-testid="occupations-count">
          {occupations.data ? t('occupations.count', { count: total, formatted: format.number(total) }) : ''}
        </Text>
        {occupations.isPending ? <PageLoader /> : null}
        {occupations.isError ? (
          <QueryError error={occupations.error} onRetry={() => void occupations.refetch()} />
        ) : null}
        {occupations.data && occupations.data.items.length === 0 ? (
          <Text>{t('occupations.results.empty')}</Text>
        ) : null}
        {occupations.data && occupations.data.items.length > 0 ? (
          <>
            <OccupationTable occupations={occupations.data.items} caption={resultTitle} />
            <Pager
              total={total}
              limit={PAGE_SIZE}
              offset={filters.offset}
              onChange={(offset) => update({ type: 'page', offset })}
            />
          </>
        ) : null}
      </Stack>
    </Stack>
  );
}
