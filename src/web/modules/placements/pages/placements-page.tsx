import { NativeSelect, SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { type TPlacementListItem, ZPlacementStage } from '../../../../contracts/placements';
import { PageTitle } from '../../../ui/page-title';
import { Pager } from '../../../ui/pager';
import { PageLoader, QueryError } from '../../../ui/status';
import { usePlacements } from '../api';
import { PlacementsTable } from '../components/placements-table';
import { PlacementStageDialog } from '../components/stage-dialog';
import { listFiltersFromParams, listFiltersToParams, listFiltersToQuery } from '../placement-filters';

const LIMIT = 50;

/**
 * The office's placements (`/placements`): who was proposed where and how far it got, filtered by stage or
 * "open / closed" (in the address, so a filtered list can be bookmarked), newest first, with "Phase ändern".
 */
export function PlacementsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = listFiltersFromParams(params);
  const list = usePlacements({ ...listFiltersToQuery(filters), limit: LIMIT });
  const [moving, setMoving] = useState<TPlacementListItem | null>(null);
  const update = (patch: Partial<typeof filters>) =>
    setParams(listFiltersToParams({ ...filters, ...patch, offset: patch.offset ?? 0 }));
  return (
    <Stack>
      <PageTitle title={t('placements.list.title')} />
      <search aria-label={t('placements.list.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <NativeSelect
            label={t('placements.list.state')}
            data={[
              { value: '', label: t('placements.list.all') },
              { value: 'open', label: t('placements.list.open') },
              { value: 'closed', label: t('placements.list.closed') },
            ]}
            value={filters.state}
            onChange={(e) => update({ state: e.currentTarget.value as typeof filters.state })}
          />
          <NativeSelect
            label={t('placements.fields.stage')}
            data={[
              { value: '', label: t('placements.list.all') },
              ...ZPlacementStage.options.map((s) => ({ value: s, label: t(`placements.stage.${s}`) })),
            ]}
            value={filters.stage}
            onChange={(e) => update({ stage: e.currentTarget.value })}
          />
        </SimpleGrid>
      </search>
      {list.isPending ? <PageLoader /> : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <>
          <PlacementsTable
            items={list.data.items}
            show="both"
            caption={t('placements.list.title')}
            emptyText={t('placements.list.empty')}
            onMove={setMoving}
          />
          <Pager
            total={list.data.total}
            limit={LIMIT}
            offset={filters.offset}
            onChange={(offset) => update({ offset })}
          />
        </>
      ) : null}
      <PlacementStageDialog target={moving} onClose={() => setMoving(null)} />
    </Stack>
  );
}
