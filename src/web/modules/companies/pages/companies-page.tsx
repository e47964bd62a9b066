import {
  Anchor,
  Button,
  Checkbox,
  Group,
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
import { ZAcquisitionChannel, ZTrainingHistory } from '../../../../contracts/companies.enums';
import { useFormatters } from '../../../lib/format';
import { PageTitle } from '../../../ui/page-title';
import { Pager } from '../../../ui/pager';
import { PageLoader, QueryError } from '../../../ui/status';
import { useCurrentUser } from '../../auth';
import { EnumSelect } from '../../clients';
import { ExportMenu } from '../../imports';
import { useCompanies } from '../api';
import {
  companyFiltersFromParams,
  companyFiltersToParams,
  companyFiltersToQuery,
  hasCompanyFilters,
  NO_COMPANY_FILTERS,
  type TCompanyFilterValues,
} from '../company-filters';
import { COMPANY_STAGES } from '../company-stages';
import { CompanyStageBadge } from '../components/stage-badge';

const PAGE_SIZE = 50;

/** Search box and filters: texts apply with "Suchen", selects and the checkbox at once. */
function CompanyFilters({
  value,
  onChange,
}: {
  value: TCompanyFilterValues;
  onChange: (next: TCompanyFilterValues) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const set = (patch: Partial<TCompanyFilterValues>, apply = false) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (apply) onChange(next);
  };
  const any = t('companies.filters.any');
  return (
    <search aria-label={t('companies.filters.label')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onChange(draft);
        }}
      >
        <Stack gap="sm">
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('companies.filters.q')}
              description={t('companies.filters.qHint')}
              type="search"
              value={draft.q}
              onChange={(e) => set({ q: e.currentTarget.value })}
              w={360}
            />
            <Button type="submit">{t('companies.filters.submit')}</Button>
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
            <EnumSelect
              label={t('companies.filters.stage')}
              values={COMPANY_STAGES}
              prefix="companies.stage"
              emptyLabel={any}
              value={draft.stage}
              onChange={(e) => set({ stage: e.currentTarget.value }, true)}
            />
            <EnumSelect
              label={t('companies.filters.channel')}
              values={ZAcquisitionChannel.options}
              prefix="companies.channel"
              emptyLabel={any}
              value={draft.channel}
              onChange={(e) => set({ channel: e.currentTarget.value }, true)}
            />
            <EnumSelect
              label={t('companies.filters.trainingHistory')}
              values={ZTrainingHistory.options}
              prefix="companies.trainingHistory"
              emptyLabel={any}
              value={draft.trainingHistory}
              onChange={(e) => set({ trainingHistory: e.currentTarget.value }, true)}
            />
            <TextInput
              label={t('companies.filters.tag')}
              value={draft.tag}
              onChange={(e) => set({ tag: e.currentTarget.value })}
              onBlur={() => (draft.tag !== value.tag ? onChange(draft) : undefined)}
            />
            <Checkbox
              mt={{ base: 0, md: 'xl' }}
              label={t('companies.filters.mine')}
              checked={draft.mine}
              onChange={(e) => set({ mine: e.currentTarget.checked }, true)}
            />
          </SimpleGrid>
          <Group>
            <Button
              variant="default"
              onClick={() => {
                setDraft(NO_COMPANY_FILTERS);
                onChange(NO_COMPANY_FILTERS);
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
 * "Betriebe" (`/companies`): the office's companies, searchable by name, place, postcode and contact
 * person (misspellings tolerated), filtered by stage, acquisition channel, training history, tag and
 * "only mine"; search, filters and page live in the address.
 */
export function CompaniesPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters = companyFiltersFromParams(params);
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const companies = useCompanies({ ...companyFiltersToQuery(filters, me.id), limit: PAGE_SIZE, offset });
  const setFilters = (next: TCompanyFilterValues, nextOffset = 0) =>
    setParams(companyFiltersToParams(next, nextOffset), { replace: true });
  return (
    <Stack>
      <PageTitle
        title={t('companies.list.title')}
        actions={
          <>
            <ExportMenu target="companies" filters={companyFiltersToQuery(filters, me.id)} />
            <Button component={Link} to="/companies/board" variant="default">
              {t('companies.list.toBoard')}
            </Button>
            <Button component={Link} to="/companies/new">
              {t('companies.list.new')}
            </Button>
          </>
        }
      />
      <Paper withBorder p="md">
        <CompanyFilters value={filters} onChange={(next) => setFilters(next)} />
      </Paper>
      {companies.isPending ? <PageLoader /> : null}
      {companies.isError ? (
        <QueryError error={companies.error} onRetry={() => void companies.refetch()} />
      ) : null}
      {companies.data ? (
        <Paper withBorder p="md">
          <Table striped captionSide="top" verticalSpacing="sm" data-testid="company-list">
            <Table.Caption>
              <VisuallyHidden>
                {filters.q ? t('companies.list.captionFor', { q: filters.q }) : t('companies.list.caption')}
              </VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('companies.list.name')}</Table.Th>
                <Table.Th scope="col">{t('companies.list.stage')}</Table.Th>
                <Table.Th scope="col">{t('companies.list.place')}</Table.Th>
                <Table.Th scope="col">{t('companies.list.contact')}</Table.Th>
                <Table.Th scope="col">{t('companies.list.owner')}</Table.Th>
                <Table.Th scope="col">{t('companies.list.lastContact')}</Table.Th>
                <Table.Th scope="col">{t('companies.list.nextDue')}</Table.Th>
                <Table.Th scope="col">{t('companies.list.tags')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {companies.data.items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <Text>
                      {hasCompanyFilters(filters) ? t('companies.list.noMatch') : t('companies.list.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
              {companies.data.items.map((company) => (
                <Table.Tr key={company.id} data-testid="company-row">
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/companies/${company.id}`}>
                      {company.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <CompanyStageBadge stage={company.stage} />
                  </Table.Td>
                  <Table.Td>{[company.postcode, company.place].filter(Boolean).join(' ')}</Table.Td>
                  <Table.Td>{company.primaryContactName ?? ''}</Table.Td>
                  <Table.Td>{company.ownerName ?? ''}</Table.Td>
                  <Table.Td>{format.day(company.lastContactOn)}</Table.Td>
                  <Table.Td>
                    {company.openTasks === 0
                      ? ''
                      : company.nextDueOn
                        ? t('companies.card.openTasksDue', {
                            count: company.openTasks,
                            date: format.day(company.nextDueOn),
                          })
                        : t('companies.card.openTasks', { count: company.openTasks })}
                  </Table.Td>
                  <Table.Td>{company.tags.join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager
            total={companies.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={(next) => setFilters(filters, next)}
          />
        </Paper>
      ) : null}
    </Stack>
  );
}
