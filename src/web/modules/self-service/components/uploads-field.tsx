import { Alert, Button, FileButton, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import {
  intlLocaleOf,
  type TClientLanguage,
  type TProfileForm,
  type TProfileUpload,
} from '../../../../contracts/self-service';
import { deleteUpload, isLinkGone, publicProblem, uploadFile } from '../public/public-api';
import type { TPublicT } from '../public/public-texts';

/** Props of {@link UploadsField}. */
export interface UploadsFieldProps {
  token: string;
  lang: TClientLanguage;
  form: TProfileForm;
  uploads: TProfileUpload[];
  onUploads: (uploads: TProfileUpload[]) => void;
  /** The link stopped working (expired, revoked) while uploading. */
  onGone: (error: unknown) => void;
  /** A form text (a node: marked `lang="de"` when it fell back to German). */
  tx: (key: string) => ReactNode;
  pt: TPublicT;
}

/** A file size in the client's language: "2,4 MB" from 1 MB on, else whole kilobytes ("70 kB", at least 1). */
export function formatFileSize(bytes: number, lang: TClientLanguage): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) {
    return new Intl.NumberFormat(intlLocaleOf(lang), {
      style: 'unit',
      unit: 'megabyte',
      maximumFractionDigits: 1,
    }).format(mb);
  }
  return new Intl.NumberFormat(intlLocaleOf(lang), { style: 'unit', unit: 'kilobyte' }).format(
    Math.max(1, Math.ceil(bytes / 1024)),
  );
}

/** Upload buttons: full label on narrow screens (it wraps), at least 50 px high. */
const UPLOAD_BUTTON_STYLES = {
  root: { height: 'auto', minBlockSize: '3.125rem', paddingBlock: '0.5rem' },
  inner: { height: 'auto' },
  label: { whiteSpace: 'normal' as const, lineHeight: 1.35, textAlign: 'center' as const },
};

/**
 * Optional photo and documents: the limit is said up front (types, size); a file over the size limit
 * is refused before it is sent, anything else is checked by the server (type from the bytes), whose
 * reason is shown in the client's language.
 */
export function UploadsField({ token, lang, form, uploads, onUploads, onGone, tx, pt }: UploadsFieldProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ReactNode>(null);
  const full = uploads.length >= form.limits.maxUploads;

  const send = async (kind: 'photo' | 'document', file: File | null) => {
    if (!file) return;
    setProblem(null);
    if (file.size > form.limits.uploadMaxBytes) {
      setProblem(tx('error.upload_too_large'));
      return;
    }
    setBusy(true);
    try {
      const upload = await uploadFile(token, { kind, file, lang });
      onUploads([...uploads, upload]);
    } catch (error) {
      if (isLinkGone(error)) onGone(error);
      else setProblem(publicProblem(error)?.detail ?? pt('networkError'));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (upload: TProfileUpload) => {
    setProblem(null);
    try {
      await deleteUpload(token, upload.id, lang);
      onUploads(uploads.filter((u) => u.id !== upload.id));
    } catch (error) {
      if (isLinkGone(error)) onGone(error);
      else setProblem(publicProblem(error)?.detail ?? pt('networkError'));
    }
  };

  return (
    <Stack gap="sm">
      <Text m={0}>{tx('uploads.hint')}</Text>
      {full ? <Text m={0}>{tx('error.too_many_uploads')}</Text> : null}
      <Group gap="sm">
        <FileButton onChange={(file) => void send('photo', file)} accept="image/jpeg,image/png,image/webp">
          {(props) => (
            <Button
              {...props}
              size="lg"
              variant="default"
              disabled={busy || full}
              data-testid="profile-upload-photo"
              styles={UPLOAD_BUTTON_STYLES}
            >
              {tx('uploads.photo')}
            </Button>
          )}
        </FileButton>
        <FileButton
          onChange={(file) => void send('document', file)}
          accept="image/jpeg,image/png,image/webp,application/pdf"
        >
          {(props) => (
            <Button
              {...props}
              size="lg"
              variant="default"
              disabled={busy || full}
              data-testid="profile-upload-document"
              styles={UPLOAD_BUTTON_STYLES}
            >
              {tx('uploads.document')}
            </Button>
          )}
        </FileButton>
      </Group>
      {busy ? <Text role="status">{pt('uploading')}</Text> : null}
      {problem ? (
        <Alert color="red" variant="light" role="alert" data-testid="profile-upload-error">
          {problem}
        </Alert>
      ) : null}
      <Text fw={600} component="h3" size="md" m={0}>
        {pt('uploadedFiles')}
      </Text>
      {uploads.length === 0 ? (
        <Text m={0}>{pt('noUploads')}</Text>
      ) : (
        <ul className="kausa-profile-list" aria-label={pt('uploadedFiles')}>
          {uploads.map((u) => (
            <li key={u.id} data-testid="profile-upload">
              <Text dir="auto">
                {u.kind === 'photo' ? pt('uploadKindPhoto') : pt('uploadKindDocument')}: {u.fileName} (
                {formatFileSize(u.sizeBytes, lang)})
              </Text>
              <Button variant="default" size="md" onClick={() => void remove(u)}>
                {tx('remove')}
                <VisuallyHidden>: {u.fileName}</VisuallyHidden>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}
