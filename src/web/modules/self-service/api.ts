import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TClient } from '../../../contracts/clients';
import type {
  TClientLanguage,
  TCreatedProfileLink,
  TLetterKind,
  TLetterPreview,
  TLetterTemplate,
  TMissingTranslation,
  TProfileLink,
  TProfileSubmission,
  TSentLetter,
  TTakeOverField,
} from '../../../contracts/self-service';
import { api, withQuery } from '../../lib/api';

/** React Query keys of the self-service module (counsellor side). */
export const selfServiceKeys = {
  all: ['self-service'] as const,
  links: (clientId: string) => ['self-service', 'links', clientId] as const,
  submissions: (clientId: string) => ['self-service', 'submissions', clientId] as const,
  sent: (clientId: string) => ['self-service', 'sent', clientId] as const,
  preview: (clientId: string, kind: TLetterKind, query: TLetterOptions) =>
    ['self-service', 'preview', clientId, kind, query] as const,
  templates: ['self-service', 'templates'] as const,
  missing: ['self-service', 'missing'] as const,
};

const clientPath = (id: string) => `/api/clients/${encodeURIComponent(id)}`;

/** `GET /api/clients/:id/profile-links` — the client's profile links with their state, newest first. */
export function useProfileLinks(clientId: string) {
  return useQuery({
    queryKey: selfServiceKeys.links(clientId),
    queryFn: ({ signal }) =>
      api
        .get<{ items: TProfileLink[] }>(`${clientPath(clientId)}/profile-links`, undefined, signal)
        .then((b) => b.items),
  });
}

/**
 * `POST /api/clients/:id/profile-links` — a private link in `language`, valid `expiresInDays` days;
 * answers the URL and its QR code once.
 * @throws ApiError 422 `counselling_consent_required`, 409 `conflict` (merged record)
 */
export function useCreateProfileLink(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { language: TClientLanguage; expiresInDays: number }) =>
      api.post<TCreatedProfileLink>(`${clientPath(clientId)}/profile-links`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: selfServiceKeys.links(clientId) }),
  });
}

/** `POST /api/clients/:id/profile-links/:linkId/revoke` — the link stops working. @throws 409 `profile_link_not_open` */
export function useRevokeProfileLink(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) =>
      api.post<{ link: TProfileLink }>(
        `${clientPath(clientId)}/profile-links/${encodeURIComponent(linkId)}/revoke`,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: selfServiceKeys.links(clientId) }),
  });
}

/** `GET /api/clients/:id/profile-submissions` — submitted profiles, newest first (an audited read). */
export function useSubmissions(clientId: string) {
  return useQuery({
    queryKey: selfServiceKeys.submissions(clientId),
    queryFn: ({ signal }) =>
      api
        .get<{ items: TProfileSubmission[] }>(
          `${clientPath(clientId)}/profile-submissions`,
          undefined,
          signal,
        )
        .then((b) => b.items),
  });
}

/**
 * `POST …/profile-submissions/:submissionId/confirm` — takes the chosen answers into the record with
 * the client `version` read; the answer carries the updated client.
 * @throws ApiError 409 `conflict` (the record changed since), 400 `validation` / `consent_required`
 */
export function useConfirmSubmission(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { submissionId: string; fields: TTakeOverField[]; version: number }) =>
      api.post<{ client: TClient; submission: TProfileSubmission }>(
        `${clientPath(clientId)}/profile-submissions/${encodeURIComponent(input.submissionId)}/confirm`,
        { fields: input.fields, version: input.version },
      ),
    onSuccess: (result) => {
      queryClient.setQueryData(['clients', 'detail', clientId], result.client);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: selfServiceKeys.submissions(clientId) }),
        queryClient.invalidateQueries({ queryKey: ['clients'] }),
        queryClient.invalidateQueries({ queryKey: ['matching'] }),
      ]);
    },
  });
}

/** Address of an uploaded photo or document of a submission (opened in the browser, audited). */
export function submissionUploadUrl(clientId: string, submissionId: string, uploadId: string): string {
  return `${clientPath(clientId)}/profile-submissions/${encodeURIComponent(submissionId)}/uploads/${encodeURIComponent(uploadId)}`;
}

/** Address of the one-page German application profile (PDF) of a client. */
export function applicationProfilePdfUrl(clientId: string, includeContact: boolean): string {
  return withQuery(`${clientPath(clientId)}/application-profile.pdf`, {
    includeContact: String(includeContact),
  });
}

/** Language and appointment of a letter (both optional: the server picks defaults). */
export interface TLetterOptions {
  language?: TClientLanguage;
  /** ISO date-time with offset. */
  appointmentAt?: string;
}

/** `GET /api/clients/:id/letters/:kind/preview` — the letter rendered from the record (not logged). */
export function useLetterPreview(
  clientId: string,
  kind: TLetterKind,
  options: TLetterOptions,
  enabled: boolean,
) {
  return useQuery({
    queryKey: selfServiceKeys.preview(clientId, kind, options),
    queryFn: ({ signal }) =>
      api.get<TLetterPreview>(`${clientPath(clientId)}/letters/${kind}/preview`, { ...options }, signal),
    enabled,
  });
}

/** Address of a letter as PDF (opening it is logged as printed). */
export function letterPdfUrl(clientId: string, kind: TLetterKind, options: TLetterOptions): string {
  return withQuery(`${clientPath(clientId)}/letters/${kind}/pdf`, { ...options });
}

/**
 * `POST /api/clients/:id/letters/:kind/send` — e-mails the letter to the address on record (logged).
 * @throws ApiError 422 `letter_email_missing` / `counselling_consent_required` / `letter_values_missing`,
 *   502 `mail_failed`
 */
export function useSendLetter(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: TLetterKind } & TLetterOptions) =>
      api.post<{ entry: TSentLetter }>(`${clientPath(clientId)}/letters/${input.kind}/send`, {
        language: input.language,
        appointmentAt: input.appointmentAt,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: selfServiceKeys.sent(clientId) }),
  });
}

/** `GET /api/clients/:id/letters/sent` — what was printed or e-mailed, to whom, when, under which consent. */
export function useSentLetters(clientId: string) {
  return useQuery({
    queryKey: selfServiceKeys.sent(clientId),
    queryFn: ({ signal }) =>
      api
        .get<{ items: TSentLetter[] }>(`${clientPath(clientId)}/letters/sent`, undefined, signal)
        .then((b) => b.items),
  });
}

/** `GET /api/letters/templates` — the templates with the review state of each translation. */
export function useLetterTemplates() {
  return useQuery({
    queryKey: selfServiceKeys.templates,
    queryFn: ({ signal }) =>
      api.get<{ items: TLetterTemplate[] }>('/api/letters/templates', undefined, signal).then((b) => b.items),
    staleTime: 5 * 60_000,
  });
}

/** `GET /api/letters/templates/missing` — translations editors still owe (missing or not reviewed). */
export function useMissingTranslations() {
  return useQuery({
    queryKey: selfServiceKeys.missing,
    queryFn: ({ signal }) =>
      api
        .get<{ items: TMissingTranslation[] }>('/api/letters/templates/missing', undefined, signal)
        .then((b) => b.items),
  });
}
