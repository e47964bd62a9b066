import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TPlaceKind, TPlaceStatus } from '../../../../contracts/companies.enums';

// Light badges draw text in shade 9 on a pale tint; these hues keep ≥ 4.5:1 there (see ui/badges.tsx).
const STATUS_COLOURS: Record<TPlaceStatus, string> = { open: 'blue', filled: 'grape', withdrawn: 'gray' };

/** "offen" / "besetzt" / "zurückgezogen" as a coloured badge. */
export function PlaceStatusBadge({ status }: { status: TPlaceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOURS[status]}
      variant="light"
      tt="none"
      miw="max-content"
      data-testid="place-status"
    >
      {t(`places.status.${status}`)}
    </Badge>
  );
}

/** "veröffentlicht" badge of a place on the public list (nothing when not published). */
export function PublishedBadge({ published }: { published: boolean }) {
  const { t } = useTranslation();
  if (!published) return null;
  return (
    <Badge color="indigo" variant="light" tt="none" miw="max-content" data-testid="place-published">
      {t('places.published')}
    </Badge>
  );
}

/** What a place is called in lists and headings: its title, else its occupation, else its kind. */
export function placeName(
  place: { title: string | null; occupationName: string | null; kind: TPlaceKind },
  t: TFunction,
): string {
  return place.title || place.occupationName || t(`places.kind.${place.kind}`);
}
