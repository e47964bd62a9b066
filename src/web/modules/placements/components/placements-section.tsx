import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPlacementListItem } from '../../../../contracts/placements';
import { PageSection } from '../../../ui/section';
import { PageLoader, QueryError } from '../../../ui/status';
import { usePlacements } from '../api';
import { PlacementsTable } from './placements-table';
import { PlacementStageDialog } from './stage-dialog';

function Section({
  filters,
  show,
  testId,
}: {
  filters: { clientId?: string; placeId?: string };
  show: 'place' | 'client';
  testId: string;
}) {
  const { t } = useTranslation();
  const list = usePlacements({ ...filters, limit: 100 });
  const [moving, setMoving] = useState<TPlacementListItem | null>(null);
  return (
    <PageSection title={t('placements.section.title')} data-testid={testId}>
      <Stack>
        {list.isPending ? <PageLoader /> : null}
        {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.data ? (
          <PlacementsTable
            items={list.data.items}
            show={show}
            caption={t('placements.section.title')}
            emptyText={t(
              show === 'place' ? 'placements.section.emptyClient' : 'placements.section.emptyPlace',
            )}
            onMove={setMoving}
          />
        ) : null}
      </Stack>
      <PlacementStageDialog target={moving} onClose={() => setMoving(null)} />
    </PageSection>
  );
}

/** "Vermittlungen" on a client's page: the client's placements (place, company, stage, source). */
export function ClientPlacementsSection({ clientId }: { clientId: string }) {
  return <Section filters={{ clientId }} show="place" testId="client-placements" />;
}

/** "Vermittlungen" on a place's page: the placements of the place (client, stage, source). */
export function PlacePlacementsSection({ placeId }: { placeId: string }) {
  return <Section filters={{ placeId }} show="client" testId="place-placements" />;
}
