import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TClient } from '../../../../contracts/clients';
import type { TClientLanguage, TProfileLink, TProfileLinkState } from '../../../../contracts/self-service';
import { useFormatters } from '../../../lib/format';
import { errorMessage } from '../../../ui/error-message';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { AppModal } from '../../../ui/overlays';
import { QUIET_BUTTON_STYLE } from '../../../ui/quiet-button';
import { PageLoader, QueryError } from '../../../ui/status';
import { useProfileLinks, useRevokeProfileLink } from '../api';
import { CreateLinkModal } from './create-link-modal';

const STATE_COLOURS: Record<TProfileLinkState, string> = {
  open: 'blue',
  submitted: 'indigo',
  expired: 'gray',
  revoked: 'red',
};

/** True when the client has an active counselling consent (a link needs one). */
export function hasCounsellingConsent(client: Pick<TClient, 'consents'>): boolean {
  return client.consents.some((c) => c.purpose === 'counselling' && c.active);
}

/** "Link widerrufen?" with what it does. */
function RevokeModal({
  clientId,
  link,
  onClose,
}: {
  clientId: string;
  link: TProfileLink | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const revoke = useRevokeProfileLink(clientId);
  const [message, setMessage] = useState<string | null>(null);
  const close = () => {
    setMessage(null);
    onClose();
  };
  return (
    <AppModal opened={link !== null} onClose={close} title={t('selfService.links.revokeTitle')}>
      <Stack>
        <Text>{t('selfService.links.revokeText')}</Text>
        <FormAlert message={message} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('app.cancel')}
          </Button>
          <Button
            color="red"
            loading={revoke.isPending}
            onClick={() =>
              link &&
              revoke.mutate(link.id, {
                onSuccess: () => {
                  notifySuccess(t('selfService.links.revoked'));
                  close();
                },
                onError: (error) => setMessage(errorMessage(error, t)),
              })
            }
          >
            {t('selfService.links.revokeConfirm')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

/**
 * The client's profile links: create one (language, validity → URL, QR code, copy), the list with
 * each link's state, expiry and draft, and "Widerrufen" for open ones.
 */
export function LinksPanel({
  client,
  defaultLanguage,
}: {
  client: TClient;
  defaultLanguage: TClientLanguage;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const links = useProfileLinks(client.id);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<TProfileLink | null>(null);
  const consent = hasCounsellingConsent(client);
  return (
    <Stack gap="sm" data-testid="profile-links">
      <Group justify="space-between" wrap="wrap">
        <Title order={3} size="h4">
          {t('selfService.links.title')}
        </Title>
        <Button onClick={() => setCreating(true)} disabled={!consent} data-testid="create-profile-link">
          {t('selfService.links.create')}
        </Button>
      </Group>
      {consent ? null : (
        <Text size="sm" c="dimmed">
          {t('selfService.links.noConsent')}
        </Text>
      )}
      {links.isPending ? <PageLoader /> : null}
      {links.isError ? <QueryError error={links.error} onRetry={() => void links.refetch()} /> : null}
      {links.data && links.data.length === 0 ? <Text size="sm">{t('selfService.links.empty')}</Text> : null}
      {links.data && links.data.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <caption className="kausa-visually-hidden">{t('selfService.links.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('selfService.links.created')}</Table.Th>
                <Table.Th scope="col">{t('selfService.links.language')}</Table.Th>
                <Table.Th scope="col">{t('selfService.links.state')}</Table.Th>
                <Table.Th scope="col">{t('selfService.links.expires')}</Table.Th>
                <Table.Th scope="col">{t('selfService.links.draft')}</Table.Th>
                <Table.Th scope="col">{t('app.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {links.data.map((link) => (
                <Table.Tr key={link.id} data-testid="profile-link-row" data-state={link.state}>
                  <Table.Td>
                    {format.dateTime(link.createdAt)}
                    {link.createdByName ? (
                      <Text size="xs" c="dimmed">
                        {link.createdByName}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{t(`selfService.languageNames.${link.language}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATE_COLOURS[link.state]} variant="light" tt="none">
                      {t(`selfService.links.states.${link.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{format.dateTime(link.expiresAt)}</Table.Td>
                  <Table.Td>
                    {link.draftSavedAt
                      ? t('selfService.links.draftSaved', { date: format.dateTime(link.draftSavedAt) })
                      : t('selfService.links.draftNone')}
                  </Table.Td>
                  <Table.Td>
                    {link.state === 'open' ? (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        style={QUIET_BUTTON_STYLE}
                        onClick={() => setRevoking(link)}
                        aria-label={t('selfService.links.revokeLabel', {
                          date: format.dateTime(link.createdAt),
                        })}
                      >
                        {t('selfService.links.revoke')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <CreateLinkModal
        clientId={client.id}
        opened={creating}
        onClose={() => setCreating(false)}
        defaultLanguage={defaultLanguage}
      />
      <RevokeModal clientId={client.id} link={revoking} onClose={() => setRevoking(null)} />
    </Stack>
  );
}
