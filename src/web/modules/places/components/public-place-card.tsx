import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TPublicPlace } from '../../../../contracts/places';
import { useFormatters } from '../../../lib/format';
import { FactList } from '../../clients';
import { placeName } from './place-badges';

/**
 * One published place on the public list: occupation (or title) as an `<h3>`, kind, company, location
 * and distance, start, seats, duration, requirements, and the KAUSA office to ask (with a link to the
 * office finder for the place's postcode).
 */
export function PublicPlaceCard({ place }: { place: TPublicPlace }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const requirements = [
    place.minSchoolQualification && place.minSchoolQualification !== 'none'
      ? t(`clients.school.${place.minSchoolQualification}`)
      : null,
    place.minGermanLevel ? t('places.public.germanLevel', { level: place.minGermanLevel }) : null,
    place.drivingLicenceRequired ? t('places.public.drivingLicence') : null,
    place.languageSupport ? t('places.public.languageSupport') : null,
  ].filter(Boolean);
  return (
    <Paper withBorder p="md" component="article" data-testid="public-place">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h4">
            {placeName(place, t)}
          </Title>
          <Badge color="blue" variant="light" tt="none" miw="max-content">
            {t(`places.kind.${place.kind}`)}
          </Badge>
        </Group>
        {place.title && place.occupationName ? <Text size="sm">{place.occupationName}</Text> : null}
        <FactList
          rows={[
            [t('places.fields.company'), place.companyName],
            [
              t('places.list.location'),
              [
                [place.postcode, place.place].filter(Boolean).join(' '),
                place.distanceKm === null
                  ? null
                  : t('places.public.distance', { km: format.distanceKm(place.distanceKm) }),
              ]
                .filter(Boolean)
                .join(' · '),
            ],
            [
              t('places.list.start'),
              place.startsOn ? format.day(place.startsOn) : t('places.list.startOpen'),
            ],
            [t('places.fields.seats'), format.number(place.seats)],
            [
              t('places.list.duration'),
              place.durationMonths === null ? null : t('places.months', { count: place.durationMonths }),
            ],
            [
              t('places.public.requirements'),
              requirements.length > 0 ? requirements.join(', ') : t('places.public.noRequirements'),
            ],
            [
              t('places.public.contact'),
              <>
                {place.officeName}
                {place.postcode ? (
                  <>
                    {' – '}
                    <Anchor component={Link} to={`/finder?plz=${place.postcode}`}>
                      {t('places.public.findOffice')}
                    </Anchor>
                  </>
                ) : null}
              </>,
            ],
          ]}
        />
      </Stack>
    </Paper>
  );
}
