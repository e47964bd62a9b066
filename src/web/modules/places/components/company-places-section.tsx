import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageSection } from '../../../ui/section';
import { PageLoader, QueryError } from '../../../ui/status';
import { usePlaces } from '../api';
import { PlaceFormDialog } from './place-form';
import { PlaceTable } from './place-table';

const LIMIT = 50;

/** Props of {@link CompanyPlacesSection}. */
export interface CompanyPlacesSectionProps {
  /** The company whose places are listed (a company of the signed-in user's office). */
  companyId: string;
}

/**
 * "Ausbildungsplätze" section of a company's page (an `<h2>` section): the company's places, soonest
 * start first, and "Ausbildungsplatz hinzufügen", which opens the place form with the company fixed
 * (address and contact persons of the company offered). More than 50 places link on to the place list.
 */
export function CompanyPlacesSection({ companyId }: CompanyPlacesSectionProps) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const places = usePlaces({ companyId, sort: 'startsOn', limit: LIMIT, offset: 0 });
  const total = places.data?.total ?? 0;
  return (
    <PageSection
      title={t('places.company.title')}
      data-testid="company-places"
      actions={<Button onClick={() => setCreating(true)}>{t('places.company.add')}</Button>}
    >
      <Stack gap="sm">
        {places.isPending ? <PageLoader /> : null}
        {places.isError ? <QueryError error={places.error} onRetry={() => void places.refetch()} /> : null}
        {places.data ? (
          <PlaceTable
            items={places.data.items}
            caption={t('places.company.caption')}
            showCompany={false}
            emptyText={t('places.company.empty')}
            data-testid="company-place-list"
          />
        ) : null}
        {total > 0 ? (
          <Text size="sm">
            <Anchor component={Link} to={`/places?companyId=${companyId}`}>
              {t('places.company.toList', { count: total })}
            </Anchor>
          </Text>
        ) : null}
      </Stack>
      <PlaceFormDialog opened={creating} onClose={() => setCreating(false)} companyId={companyId} />
    </PageSection>
  );
}
