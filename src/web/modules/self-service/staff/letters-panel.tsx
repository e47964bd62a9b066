import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TClient } from '../../../../contracts/clients';
import {
  CLIENT_LANGUAGES,
  type TClientLanguage,
  type TLetterKind,
  ZLetterKind,
} from '../../../../contracts/self-service';
import { useFormatters } from '../../../lib/format';
import { errorMessage } from '../../../ui/error-message';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { QUIET_BUTTON_STYLE } from '../../../ui/quiet-button';
import { QueryError } from '../../../ui/status';
import {
  applicationProfilePdfUrl,
  letterPdfUrl,
  selfServiceKeys,
  type TLetterOptions,
  useLetterPreview,
  useSendLetter,
} from '../api';
import { appointmentAtOf, missingValueLabels } from '../letter-options';
import { hasCounsellingConsent } from './links-panel';
import { SentLog } from './sent-log';

/**
 * "Bewerbungsprofil für Betriebe": the one-page German PDF, with or without phone and e-mail. It is
 * handed to companies, so it needs the client's active consent to matching (else off, with the reason).
 */
export function ProfilePdfPanel({ client }: { client: TClient }) {
  const { t } = useTranslation();
  const [contact, setContact] = useState(false);
  const consent = client.consents.some((c) => c.purpose === 'matching' && c.active);
  return (
    <Stack gap="xs" data-testid="profile-pdf">
      <Title order={3} size="h4">
        {t('selfService.pdf.title')}
      </Title>
      <Text size="sm">{t('selfService.pdf.text')}</Text>
      <Group>
        <Checkbox
          label={t('selfService.pdf.includeContact')}
          checked={contact}
          onChange={(e) => setContact(e.currentTarget.checked)}
        />
        {consent ? (
          <Button
            component="a"
            href={applicationProfilePdfUrl(client.id, contact)}
            target="_blank"
            variant="light"
            style={QUIET_BUTTON_STYLE}
          >
            {t('selfService.pdf.download')}
          </Button>
        ) : (
          <Button variant="light" style={QUIET_BUTTON_STYLE} disabled aria-describedby="profile-pdf-blocked">
            {t('selfService.pdf.download')}
          </Button>
        )}
      </Group>
      {consent ? null : (
        <Text size="sm" id="profile-pdf-blocked" data-testid="profile-pdf-blocked">
          {t('selfService.pdf.noConsent')}
        </Text>
      )}
    </Stack>
  );
}

/**
 * "Briefe und Nachrichten": template and language (seven variants), optional appointment, preview
 * rendered from the record (review state and German fallback said), print/PDF (logged as printed) and
 * e-mail (disabled with the reason when the record has no address or no counselling consent), then
 * the sent-log.
 */
export function LettersPanel({
  client,
  defaultLanguage,
}: {
  client: TClient;
  defaultLanguage: TClientLanguage;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<TLetterKind>('invitation');
  const [language, setLanguage] = useState<TClientLanguage>(defaultLanguage);
  const [appointment, setAppointment] = useState('');
  const [shown, setShown] = useState<{ kind: TLetterKind; options: TLetterOptions } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const options: TLetterOptions = { language, appointmentAt: appointmentAtOf(appointment) };
  const preview = useLetterPreview(client.id, shown?.kind ?? kind, shown?.options ?? options, shown !== null);
  const send = useSendLetter(client.id);
  const consent = hasCounsellingConsent(client);
  const sendBlocked = !client.email
    ? t('selfService.letters.noEmail')
    : !consent
      ? t('selfService.letters.noConsent')
      : null;
  const withAppointment = kind !== 'document_checklist';
  const letter = preview.data;

  return (
    <Stack gap="sm" data-testid="letters">
      <Title order={3} size="h4">
        {t('selfService.letters.title')}
      </Title>
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('selfService.letters.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as TLetterKind)}
          data={ZLetterKind.options.map((k) => ({ value: k, label: t(`selfService.letters.kinds.${k}`) }))}
        />
        <NativeSelect
          label={t('selfService.letters.language')}
          value={language}
          onChange={(e) => setLanguage(e.currentTarget.value as TClientLanguage)}
          data={CLIENT_LANGUAGES.map((code) => ({
            value: code,
            label: t(`selfService.languageNames.${code}`),
          }))}
          data-testid="letter-language"
        />
        {withAppointment ? (
          <TextInput
            type="datetime-local"
            label={t('selfService.letters.appointment')}
            value={appointment}
            onChange={(e) => setAppointment(e.currentTarget.value)}
          />
        ) : null}
        <Button
          variant="light"
          style={QUIET_BUTTON_STYLE}
          onClick={() => setShown({ kind, options })}
          data-testid="letter-preview-button"
        >
          {t('selfService.letters.preview')}
        </Button>
      </Group>
      {withAppointment ? (
        <Text size="xs" c="dimmed">
          {t('selfService.letters.appointmentHint')}
        </Text>
      ) : null}
      {preview.isError ? <QueryError error={preview.error} onRetry={() => void preview.refetch()} /> : null}
      {letter && shown ? (
        <Stack gap="xs">
          {letter.fallback ? (
            <Alert color="blue" variant="light">
              {t('selfService.letters.fallback', {
                language: t(`selfService.languageNames.${letter.language}`),
              })}
            </Alert>
          ) : null}
          <Text size="sm" c="dimmed">
            {letter.review.state === 'reviewed'
              ? t('selfService.letters.reviewed', {
                  reviewer: letter.review.reviewer ?? '–',
                  date: format.day(letter.review.reviewedOn),
                })
              : t('selfService.letters.draftReview')}
          </Text>
          {letter.missingValues.length > 0 ? (
            <Alert color="blue" variant="light">
              {t('selfService.letters.missingValues', {
                values: missingValueLabels(letter.missingValues, t),
              })}
            </Alert>
          ) : null}
          <Paper
            withBorder
            p="md"
            component="article"
            aria-label={t('selfService.letters.previewLabel')}
            lang={letter.usedLanguage}
            dir={letter.dir}
            data-testid="letter-preview"
          >
            <Text fw={700} mb="sm">
              {letter.subject}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{letter.text}</Text>
          </Paper>
          <Group>
            <Button
              component="a"
              href={letterPdfUrl(client.id, shown.kind, shown.options)}
              target="_blank"
              variant="light"
              style={QUIET_BUTTON_STYLE}
              onClick={() => {
                // Opening the PDF is logged as printed: show it in the sent-log shortly after.
                setTimeout(
                  () => void queryClient.invalidateQueries({ queryKey: selfServiceKeys.sent(client.id) }),
                  1500,
                );
              }}
              data-testid="letter-print"
            >
              {t('selfService.letters.print')}
            </Button>
            <Button
              disabled={sendBlocked !== null}
              loading={send.isPending}
              aria-describedby={sendBlocked ? 'letter-send-blocked' : undefined}
              onClick={() => {
                setMessage(null);
                send.mutate(
                  { kind: shown.kind, ...shown.options },
                  {
                    onSuccess: (body) =>
                      notifySuccess(t('selfService.letters.sent', { email: body.entry.recipient ?? '' })),
                    onError: (error) => setMessage(errorMessage(error, t)),
                  },
                );
              }}
              data-testid="letter-send"
            >
              {t('selfService.letters.send')}
            </Button>
          </Group>
          {sendBlocked ? (
            <Text size="sm" id="letter-send-blocked" data-testid="letter-send-blocked">
              {sendBlocked}
            </Text>
          ) : null}
          <FormAlert message={message} />
        </Stack>
      ) : null}
      <SentLog client={client} />
    </Stack>
  );
}
