import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { todayDay, useFormatters } from '../../../lib/format';
import { PageTitle } from '../../../ui/page-title';
import { QUIET_BUTTON_STYLE } from '../../../ui/quiet-button';
import { PageSection } from '../../../ui/section';
import { PageLoader, QueryError } from '../../../ui/status';
import { ClientSuggestionsSection } from '../../matching';
import { ClientPlacementsSection } from '../../placements';
import { ClientSelfServiceSection } from '../../self-service';
import { useClient } from '../api';
import { ageOn } from '../client-form';
import { ClientEditForm } from '../components/client-edit-form';
import { ClientProfileView } from '../components/client-profile-view';
import { ConsentsSection } from '../components/consents-section';
import { GuardiansSection } from '../components/guardians-section';
import { ProgrammeSection } from '../components/programme-section';

/**
 * A client's page (`/clients/:id`): profile (edit with version check), consents (record, withdraw),
 * guardians, the programme fields funders count (read-only) and a link to the case.
 */
export function ClientPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { id } = useParams();
  const query = useClient(id);
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const client = query.data;
  const age = ageOn(client.dateOfBirth, todayDay());
  return (
    <Stack>
      <PageTitle
        title={`${client.givenNames} ${client.familyName}`}
        actions={
          client.caseId ? (
            <Button component={Link} to={`/cases/${client.caseId}`}>
              {t('clients.page.toCase')}
            </Button>
          ) : null
        }
      />
      <Text data-testid="client-summary">
        {[
          client.spokenName ? t('clients.page.spokenAs', { name: client.spokenName }) : null,
          client.dateOfBirth ? t('clients.page.born', { date: format.day(client.dateOfBirth), age }) : null,
          client.postcode ? `${client.postcode} ${client.place ?? ''}`.trim() : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {client.mergedIntoId ? (
        <Alert color="red" variant="light" title={t('clients.page.mergedTitle')}>
          <Anchor component={Link} to={`/clients/${client.mergedIntoId}`}>
            {t('clients.page.mergedLink')}
          </Anchor>
        </Alert>
      ) : null}
      {client.minimal ? (
        <Alert color="red" variant="light" title={t('clients.page.minimalTitle')}>
          {t('clients.page.minimalText')}
        </Alert>
      ) : null}
      <PageSection
        title={t('clients.page.profile')}
        data-testid="profile"
        actions={
          editing ? null : (
            <Button variant="light" style={QUIET_BUTTON_STYLE} onClick={() => setEditing(true)}>
              {t('clients.page.editProfile')}
            </Button>
          )
        }
      >
        {editing ? (
          <ClientEditForm
            key={`${client.id}-${client.version}`}
            client={client}
            onDone={() => setEditing(false)}
            onReload={() => {
              setEditing(false);
              void query.refetch().then(() => setEditing(true));
            }}
          />
        ) : (
          <ClientProfileView client={client} />
        )}
      </PageSection>
      {/* Focusable: the link "Zur Einwilligung" moves the keyboard focus here, not only the view. */}
      <div id="client-consents" tabIndex={-1}>
        <PageSection title={t('clients.page.consents')} data-testid="consents-section">
          <ConsentsSection client={client} />
        </PageSection>
      </div>
      {client.mergedIntoId ? null : (
        <>
          <ClientPlacementsSection clientId={client.id} />
          <ClientSuggestionsSection
            clientId={client.id}
            mobilityRadiusKm={client.mobilityRadiusKm}
            consentsHref="#client-consents"
          />
          <ClientSelfServiceSection client={client} />
        </>
      )}
      <PageSection title={t('clients.page.guardians')} data-testid="guardians-section">
        <GuardiansSection client={client} />
      </PageSection>
      <PageSection title={t('clients.page.programme')} data-testid="programme-section">
        <ProgrammeSection client={client} />
      </PageSection>
    </Stack>
  );
}
