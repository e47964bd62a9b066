import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { TPlace } from '../../../../contracts/places';
import { useFormatters } from '../../../lib/format';
import { PageTitle } from '../../../ui/page-title';
import { PageSection } from '../../../ui/section';
import { PageLoader, QueryError } from '../../../ui/status';
import { FactList } from '../../clients';
import { PlaceCandidatesSection } from '../../matching';
import { PlacePlacementsSection } from '../../placements';
import { usePlace } from '../api';
import { CandidatesSection } from '../components/candidates-section';
import { PlaceStatusBadge, PublishedBadge, placeName } from '../components/place-badges';
import { PlaceFormDialog } from '../components/place-form';
import { PlaceStatusPanel } from '../components/place-status-panel';
import { ProfileSection } from '../components/profile-section';

/** Facts of a place: occupation, kind, seats, dates, location, requirements, contact, origin. */
function PlaceFacts({ place }: { place: TPlace }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const yesNo = (value: boolean) => (value ? t('clients.yes') : t('clients.no'));
  return (
    <FactList
      testId="place-facts"
      rows={[
        [t('places.fields.company'), <CompanyLink key="company" place={place} />],
        [t('places.fields.kind'), t(`places.kind.${place.kind}`)],
        [t('places.fields.occupation'), place.occupationName ?? place.occupationId],
        [t('places.fields.title'), place.title],
        [t('places.fields.description'), place.description],
        [t('places.fields.seats'), format.number(place.seats)],
        [
          t('places.fields.startsOn'),
          place.startsOn ? format.day(place.startsOn) : t('places.list.startOpen'),
        ],
        [
          t('places.list.duration'),
          place.durationMonths === null ? null : t('places.months', { count: place.durationMonths }),
        ],
        [
          t('places.list.location'),
          [place.street, [place.postcode, place.place].filter(Boolean).join(' ')].filter(Boolean).join(', '),
        ],
        [
          t('places.fields.minSchoolQualification'),
          place.minSchoolQualification
            ? t(`clients.school.${place.minSchoolQualification}`)
            : t('places.form.noRequirement'),
        ],
        [t('places.fields.minGermanLevel'), place.minGermanLevel ?? t('places.form.noRequirement')],
        [t('places.fields.drivingLicenceRequired'), yesNo(place.drivingLicenceRequired)],
        [t('places.fields.languageSupportShort'), yesNo(place.languageSupport)],
        [t('places.fields.contactPerson'), place.contactPersonName],
        [
          t('places.fields.source'),
          place.externalRef
            ? t('places.sourceWithRef', {
                source: t(`places.source.${place.source}`),
                ref: place.externalRef,
              })
            : t(`places.source.${place.source}`),
        ],
        [t('places.fields.updatedAt'), format.dateTime(place.updatedAt)],
      ]}
    />
  );
}

function CompanyLink({ place }: { place: TPlace }) {
  return (
    <Anchor component={Link} to={`/companies/${place.companyId}`}>
      {place.companyName}
    </Anchor>
  );
}

/**
 * A training place (`/places/:id`): facts with "Bearbeiten", status change (filled / withdrawn /
 * reopen) and the publish switch, the requirement profile, and candidates with proposals and answers.
 */
export function PlacePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = usePlace(id);
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const place = query.data;
  return (
    <Stack>
      <PageTitle
        title={t('places.page.title', { name: placeName(place, t), company: place.companyName })}
        actions={
          <Button component={Link} to={`/places?companyId=${place.companyId}`} variant="default">
            {t('places.page.companyPlaces')}
          </Button>
        }
      />
      <Group gap="md" wrap="wrap" data-testid="place-summary">
        <PlaceStatusBadge status={place.status} />
        <PublishedBadge published={place.published} />
        <Badge color="gray" variant="light" tt="none">
          {t(`places.kind.${place.kind}`)}
        </Badge>
        <Text size="sm">{t('places.page.candidates', { count: place.candidateCount })}</Text>
      </Group>
      <PageSection
        title={t('places.page.details')}
        data-testid="details-section"
        actions={<Button onClick={() => setEditing(true)}>{t('app.edit')}</Button>}
      >
        <PlaceFacts place={place} />
      </PageSection>
      <PageSection title={t('places.page.statusSection')} data-testid="status-section">
        <PlaceStatusPanel key={place.version} place={place} onReload={() => void query.refetch()} />
      </PageSection>
      <ProfileSection placeId={place.id} />
      <CandidatesSection placeId={place.id} open={place.status === 'open'} />
      <PlacePlacementsSection placeId={place.id} />
      <PlaceCandidatesSection placeId={place.id} />
      <Text size="sm">
        <Anchor component={Link} to="/places">
          {t('places.page.toList')}
        </Anchor>
      </Text>
      <PlaceFormDialog opened={editing} onClose={() => setEditing(false)} placeId={place.id} />
    </Stack>
  );
}
