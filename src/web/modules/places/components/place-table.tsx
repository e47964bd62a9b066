import { Anchor, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatters } from '../../../lib/format';
import type { TPlaceListItem } from '../api';
import { PlaceStatusBadge, PublishedBadge, placeName } from './place-badges';

/** Props of {@link PlaceTable}. */
export interface PlaceTableProps {
  items: readonly TPlaceListItem[];
  /** Screen-reader caption of the table. */
  caption: string;
  /** Show the company column (off on the company's own page). */
  showCompany?: boolean;
  /** Show the distance column (when the list is measured from a postcode). */
  showDistance?: boolean;
  emptyText: string;
  'data-testid'?: string;
}

/**
 * Places as a table: the place (link to its page) with kind and occupation, company (link), location
 * (with the distance in km when measured from a postcode), start, seats, candidates, status and
 * publication badges.
 */
export function PlaceTable({
  items,
  caption,
  showCompany = true,
  showDistance = false,
  emptyText,
  ...rest
}: PlaceTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const columns = 6 + (showCompany ? 1 : 0);
  return (
    // Scrolls sideways on narrow screens; the links in every row keep it reachable by keyboard.
    <div style={{ overflowX: 'auto' }}>
      <Table striped captionSide="top" verticalSpacing="sm" data-testid={rest['data-testid'] ?? 'place-list'}>
        <Table.Caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('places.list.place')}</Table.Th>
            {showCompany ? <Table.Th scope="col">{t('places.fields.company')}</Table.Th> : null}
            <Table.Th scope="col">
              {showDistance ? t('places.list.locationDistance') : t('places.list.location')}
            </Table.Th>
            <Table.Th scope="col">{t('places.list.start')}</Table.Th>
            <Table.Th scope="col">{t('places.list.seats')}</Table.Th>
            <Table.Th scope="col">{t('places.list.candidates')}</Table.Th>
            <Table.Th scope="col">{t('places.fields.status')}</Table.Th>
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
          {items.map((item) => (
            <Table.Tr key={item.id} data-testid="place-row">
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/places/${item.id}`}>
                  {placeName(item, t)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {[t(`places.kind.${item.kind}`), item.title ? item.occupationName : null]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Table.Th>
              {showCompany ? (
                <Table.Td>
                  <Anchor component={Link} to={`/companies/${item.companyId}`}>
                    {item.companyName}
                  </Anchor>
                </Table.Td>
              ) : null}
              <Table.Td>
                {[item.postcode, item.place].filter(Boolean).join(' ')}
                {showDistance && item.distanceKm !== null ? (
                  <Text size="xs" data-testid="place-distance">
                    {format.distanceKm(item.distanceKm)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{item.startsOn ? format.day(item.startsOn) : t('places.list.startOpen')}</Table.Td>
              <Table.Td>{format.number(item.seats)}</Table.Td>
              <Table.Td>{format.number(item.candidateCount)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="wrap">
                  <PlaceStatusBadge status={item.status} />
                  <PublishedBadge published={item.published} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
