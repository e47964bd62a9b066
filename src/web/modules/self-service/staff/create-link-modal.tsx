import { Alert, Button, Group, Image, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLIENT_LANGUAGES,
  type TClientLanguage,
  type TCreatedProfileLink,
} from '../../../../contracts/self-service';
import { useFormatters } from '../../../lib/format';
import { errorMessage } from '../../../ui/error-message';
import { FormAlert } from '../../../ui/form-errors';
import { AppModal } from '../../../ui/overlays';
import { useCreateProfileLink } from '../api';

/** Copies `text` to the clipboard; falls back to selecting `input` and `execCommand` (plain http). */
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!input) return false;
    input.select();
    return document.execCommand('copy');
  }
}

/** The link just created: URL with copy button, QR code (to scan from the screen or save), expiry. */
function CreatedLink({ created }: { created: TCreatedProfileLink }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(created.qrSvg)}`;
  return (
    <Stack data-testid="created-link">
      <Alert color="blue" variant="light">
        {t('selfService.links.onceHint')}
      </Alert>
      <TextInput
        ref={input}
        label={t('selfService.links.url')}
        value={created.url}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
        dir="ltr"
        data-testid="created-link-url"
      />
      <Group>
        <Button
          onClick={() =>
            void copyText(created.url, input.current).then((ok) => setCopy(ok ? 'copied' : 'failed'))
          }
        >
          {t('selfService.links.copy')}
        </Button>
        <Text role="status" size="sm">
          {copy === 'copied'
            ? t('selfService.links.copied')
            : copy === 'failed'
              ? t('selfService.links.copyFailed')
              : ''}
        </Text>
      </Group>
      <Image
        src={qr}
        alt={t('selfService.links.qrAlt')}
        w={220}
        h={220}
        fit="contain"
        data-testid="created-link-qr"
      />
      <Group justify="space-between">
        <Text size="sm">
          {t('selfService.links.validUntil', { date: format.dateTime(created.link.expiresAt) })}
        </Text>
        <Button component="a" href={qr} download="kausa-profil-qr.svg" variant="default">
          {t('selfService.links.qrDownload')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Props of {@link CreateLinkModal}. */
export interface CreateLinkModalProps {
  clientId: string;
  opened: boolean;
  onClose: () => void;
  /** The language the form opens in (the client's last choice, else German). */
  defaultLanguage: TClientLanguage;
}

/**
 * "Link erstellen": language of the form and days of validity; then the link, its QR code and a copy
 * button, shown once (the server keeps only a hash of the token).
 */
export function CreateLinkModal({ clientId, opened, onClose, defaultLanguage }: CreateLinkModalProps) {
  const { t } = useTranslation();
  const create = useCreateProfileLink(clientId);
  const [created, setCreated] = useState<TCreatedProfileLink | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { language: defaultLanguage as string, expiresInDays: '14' },
    validate: {
      expiresInDays: (v) =>
        /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 60 ? null : t('selfService.links.expiresHint'),
    },
  });
  const close = () => {
    setCreated(null);
    setMessage(null);
    form.reset();
    create.reset();
    onClose();
  };
  return (
    <AppModal
      opened={opened}
      onClose={close}
      title={created ? t('selfService.links.createdTitle') : t('selfService.links.createTitle')}
      size="lg"
    >
      {created ? (
        <Stack>
          <CreatedLink created={created} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('app.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            setMessage(null);
            create.mutate(
              { language: values.language as TClientLanguage, expiresInDays: Number(values.expiresInDays) },
              { onSuccess: setCreated, onError: (error) => setMessage(errorMessage(error, t)) },
            );
          })}
        >
          <Stack>
            <NativeSelect
              label={t('selfService.links.language')}
              description={t('selfService.links.languageHint')}
              data={CLIENT_LANGUAGES.map((code) => ({
                value: code,
                label: t(`selfService.languageNames.${code}`),
              }))}
              {...form.getInputProps('language')}
            />
            <TextInput
              label={t('selfService.links.expiresInDays')}
              description={t('selfService.links.expiresHint')}
              inputMode="numeric"
              maw={200}
              required
              {...form.getInputProps('expiresInDays')}
            />
            <FormAlert message={message} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('app.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('selfService.links.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}
