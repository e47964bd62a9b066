import { Anchor, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TPlacementListItem } from '../../../../contracts/placements';
import { useFormatters } from '../../../lib/format';
import { QUIET_BUTTON_STYLE } from '../../../ui/quiet-button';
import { canChangeStage } from '../placement-stages';
import { PlacementStageBadge } from './stage-badge';

/** The name of a placement's place: its title, else its occupation, else its kind. */
export function placementPlaceName(place: TPlacementListItem['place'], t: TFunction): string {
  return place.title ?? place.occupationName ?? t(`places.kind.${place.kind}`);
}

/** Props of {@link PlacementsTable}. */
export interface PlacementsTableProps {
  items: readonly TPlacementListItem[];
  /** Which record the rows name: the place (client page), the client (place page) or both (list). */
  show: 'place' | 'client' | 'both';
  caption: string;
  emptyText: string;
  onMove: (placement: TPlacementListItem) => void;
}

/**
 * Placements as a table: the place with its company and/or the client (linking to the placement), the
 * stage with its day, the source (with the score when it came from matching) and "Phase ändern".
 */
export function PlacementsTable({ items, show, caption, emptyText, onMove }: PlacementsTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const columns = show === 'both' ? 5 : 4;
  return (
    <Table striped captionSide="top" verticalSpacing="sm" data-testid="placement-list">
      <Table.Caption>
        <VisuallyHidden>{caption}</VisuallyHidden>
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {show !== 'place' ? <Table.Th scope="col">{t('placements.fields.client')}</Table.Th> : null}
          {show !== 'client' ? <Table.Th scope="col">{t('placements.fields.place')}</Table.Th> : null}
          <Table.Th scope="col">{t('placements.fields.stage')}</Table.Th>
          <Table.Th scope="col">{t('placements.fields.source')}</Table.Th>
          <Table.Th scope="col">{t('app.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={columns}>
              <Text>{emptyText}</Text>
            </Table.Td>
          </Table.Tr>
        ) : null}
        {items.map((p) => {
          const placeName = placementPlaceName(p.place, t);
          const label = show === 'place' ? placeName : p.client.name;
          return (
            <Table.Tr key={p.id} data-testid="placement-row">
              {show !== 'place' ? (
                <Table.Td>
                  <Anchor component={Link} to={`/placements/${p.id}`} fw={500}>
                    {p.client.name}
                  </Anchor>
                </Table.Td>
              ) : null}
              {show !== 'client' ? (
                <Table.Td>
                  {show === 'place' ? (
                    <Anchor component={Link} to={`/placements/${p.id}`} fw={500}>
                      {placeName}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={500}>
                      {placeName}
                    </Text>
                  )}
                  <Text size="xs">{p.place.company.name}</Text>
                </Table.Td>
              ) : null}
              <Table.Td>
                <PlacementStageBadge stage={p.stage} />
                <Text size="xs">
                  {t('placements.list.since', { date: format.day(p.stageOn) })}
                  {p.rejectionReason ? ` · ${t(`placements.reason.${p.rejectionReason}`)}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {p.source === 'matching' && p.score
                    ? t('placements.list.fromMatching', { percent: Math.round(p.score.score * 100) })
                    : t(`placements.source.${p.source}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                {!canChangeStage(p.stage) ? null : (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    style={QUIET_BUTTON_STYLE}
                    onClick={() => onMove(p)}
                    aria-label={t('placements.list.moveFor', { name: label })}
                  >
                    {t('placements.list.move')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
