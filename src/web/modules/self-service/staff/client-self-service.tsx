import { Divider, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TClient } from '../../../../contracts/clients';
import type { TClientLanguage } from '../../../../contracts/self-service';
import { PageSection } from '../../../ui/section';
import { useProfileLinks } from '../api';
import { LettersPanel, ProfilePdfPanel } from './letters-panel';
import { LinksPanel } from './links-panel';
import { SubmissionsPanel } from './submissions-panel';

/** The language the client last chose in a profile form (newest link), else German. */
function useClientLanguage(clientId: string): TClientLanguage {
  const links = useProfileLinks(clientId);
  return links.data?.[0]?.language ?? 'de';
}

/**
 * "Bewerbungsprofil und Briefe" on the client page (issue 7): profile links with QR code, the
 * submitted profiles beside the record with take-over, the one-page German PDF, letters from
 * templates in the client's language with print, e-mail and sent-log.
 */
export function ClientSelfServiceSection({ client }: { client: TClient }) {
  const { t } = useTranslation();
  const language = useClientLanguage(client.id);
  return (
    <PageSection title={t('selfService.section.title')} data-testid="client-self-service">
      <Stack gap="lg">
        <Text size="sm">{t('selfService.section.intro')}</Text>
        <LinksPanel client={client} defaultLanguage={language} />
        <Divider />
        <SubmissionsPanel client={client} />
        <Divider />
        <ProfilePdfPanel client={client} />
        <Divider />
        <LettersPanel key={language} client={client} defaultLanguage={language} />
      </Stack>
    </PageSection>
  );
}
