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
 * Places as a table: the place (link to its page) with occupation, kind, company (link), location,
 * start, seats, candidates, status and publication badges; optionally the distance in km.
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
  const columns = 7 + (showCompany ? 1 : 0) + (showDistance ? 1 : 0);
  return (
    <Table striped captionSide="top" verticalSpacing="sm" data-testid={rest['data-testid'] ?? 'place-list'}>
      <Table.Caption>
        <VisuallyHidden>{caption}</VisuallyHidden>
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('places.list.place')}</Table.Th>
          <Table.Th scope="col">{t('places.fields.kind')}</Table.Th>
          {showCompany ? <Table.Th scope="col">{t('places.fields.company')}</Table.Th> : null}
          <Table.Th scope="col">{t('places.list.location')}</Table.Th>
          {showDistance ? <Table.Th scope="col">{t('places.list.distance')}</Table.Th> : null}
          <Table.Th scope="col">{t('places.list.start')}</Table.Th>
          <Table.Th scope="col">{t('places.fields.seats')}</Table.Th>
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
              {item.title && item.occupationName ? (
                <Text size="xs" c="dimmed">
                  {item.occupationName}
                </Text>
              ) : null}
            </Table.Th>
            <Table.Td>{t(`places.kind.${item.kind}`)}</Table.Td>
            {showCompany ? (
              <Table.Td>
                <Anchor component={Link} to={`/companies/${item.companyId}`}>
                  {item.companyName}
                </Anchor>
              </Table.Td>
            ) : null}
            <Table.Td>{[item.postcode, item.place].filter(Boolean).join(' ')}</Table.Td>
            {showDistance ? (
              <Table.Td data-testid="place-distance">
                {item.distanceKm === null ? '' : format.distanceKm(item.distanceKm)}
              </Table.Td>
            ) : null}
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
  );
}
