import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useFormatters } from '../../../lib/format';
import { PageTitle } from '../../../ui/page-title';
import { Pager } from '../../../ui/pager';
import { PageLoader, QueryError } from '../../../ui/status';
import { useCurrentUser } from '../../auth';
import { CefrSelect, EnumSelect, OccupationSinglePicker, RESIDENCE_STATUSES } from '../../clients';
import { useCases } from '../api';
import {
  filtersFromParams,
  filtersToParams,
  filtersToQuery,
  NO_FILTERS,
  type TCaseFilterValues,
} from '../case-filters';
import { STAGES } from '../stages';

const PAGE_SIZE = 50;

/** The filter form: applied with "Filter anwenden" (texts) or at once (selects, checkbox). */
function CaseFilters({
  value,
  onChange,
}: {
  value: TCaseFilterValues;
  onChange: (next: TCaseFilterValues) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const set = (patch: Partial<TCaseFilterValues>, apply = false) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (apply) onChange(next);
  };
  return (
    <search aria-label={t('cases.filters.label')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onChange(draft);
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <NativeSelect
              label={t('cases.filters.stage')}
              data={[
                { value: '', label: t('cases.filters.allStages') },
                ...STAGES.map((s) => ({ value: s, label: t(`cases.stage.${s}`) })),
              ]}
              value={draft.stage}
              onChange={(e) => set({ stage: e.currentTarget.value }, true)}
            />
            <CefrSelect
              label={t('cases.filters.germanLevel')}
              emptyLabel={t('cases.filters.any')}
              value={draft.germanLevel}
              onChange={(e) => set({ germanLevel: e.currentTarget.value }, true)}
            />
            <EnumSelect
              label={t('cases.filters.residenceStatus')}
              values={RESIDENCE_STATUSES}
              prefix="clients.residenceStatus"
              emptyLabel={t('cases.filters.any')}
              value={draft.residenceStatus}
              onChange={(e) => set({ residenceStatus: e.currentTarget.value }, true)}
            />
            <Checkbox
              mt={{ base: 0, md: 'xl' }}
              label={t('cases.filters.mine')}
              checked={draft.mine}
              onChange={(e) => set({ mine: e.currentTarget.checked }, true)}
            />
            <TextInput
              label={t('cases.filters.minAge')}
              inputMode="numeric"
              value={draft.minAge}
              onChange={(e) => set({ minAge: e.currentTarget.value })}
            />
            <TextInput
              label={t('cases.filters.maxAge')}
              inputMode="numeric"
              value={draft.maxAge}
              onChange={(e) => set({ maxAge: e.currentTarget.value })}
            />
            <TextInput
              label={t('cases.filters.noContactForDays')}
              inputMode="numeric"
              value={draft.noContactForDays}
              onChange={(e) => set({ noContactForDays: e.currentTarget.value })}
            />
            <OccupationSinglePicker
              label={t('cases.filters.occupation')}
              value={draft.occupationId || null}
              onChange={(id) => set({ occupationId: id ?? '' }, true)}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit">{t('cases.filters.apply')}</Button>
            <Button
              variant="default"
              onClick={() => {
                setDraft(NO_FILTERS);
                onChange(NO_FILTERS);
              }}
            >
              {t('app.resetFilters')}
            </Button>
          </Group>
        </Stack>
      </form>
    </search>
  );
}

/**
 * "Fallliste" (`/cases`): the office's cases filtered by stage, own cases, age, German level, wished
 * occupation, residence status and days without contact; filters and page live in the address.
 */
export function CasesPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const cases = useCases({ ...filtersToQuery(filters, me.id), limit: PAGE_SIZE, offset });
  const setFilters = (next: TCaseFilterValues, nextOffset = 0) =>
    setParams(filtersToParams(next, nextOffset), { replace: true });
  return (
    <Stack>
      <PageTitle
        title={t('cases.list.title')}
        actions={
          <Button component={Link} to="/board" variant="default">
            {t('cases.list.toBoard')}
          </Button>
        }
      />
      <Paper withBorder p="md">
        <CaseFilters value={filters} onChange={(next) => setFilters(next)} />
      </Paper>
      {cases.isPending ? <PageLoader /> : null}
      {cases.isError ? <QueryError error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      {cases.data ? (
        <Paper withBorder p="md">
          <Table striped captionSide="top" verticalSpacing="sm" data-testid="case-list">
            <Table.Caption>
              <VisuallyHidden>{t('cases.list.caption')}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cases.list.name')}</Table.Th>
                <Table.Th scope="col">{t('cases.list.stage')}</Table.Th>
                <Table.Th scope="col">{t('cases.list.age')}</Table.Th>
                <Table.Th scope="col">{t('cases.list.germanLevel')}</Table.Th>
                <Table.Th scope="col">{t('cases.list.counsellor')}</Table.Th>
                <Table.Th scope="col">{t('cases.list.lastContact')}</Table.Th>
                <Table.Th scope="col">{t('cases.list.openTasks')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cases.data.items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text>{t('cases.list.empty')}</Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
              {cases.data.items.map((card) => (
                <Table.Tr key={card.id} data-testid="case-row">
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/cases/${card.id}`}>
                      {card.clientName}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{t(`cases.stage.${card.stage}`)}</Table.Td>
                  <Table.Td>{card.age ?? ''}</Table.Td>
                  <Table.Td>{card.germanLevel ?? ''}</Table.Td>
                  <Table.Td>{card.counsellorName ?? ''}</Table.Td>
                  <Table.Td>{format.day(card.lastContactOn)}</Table.Td>
                  <Table.Td>{card.openTasks}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager
            total={cases.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={(next) => setFilters(filters, next)}
          />
        </Paper>
      ) : null}
    </Stack>
  );
}
