import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../ui/error-message';

/**
 * Where to show why an upload failed: problems of the file itself (`file_*` codes such as
 * `file_wrong_delimiter`, 413 too large, 415 unsupported, a BA file that is no JSON or no job-search
 * response) at the file field; everything else (network, rights) above the form.
 */
export function uploadProblem(error: unknown, t: TFunction): { text: string; atFile: boolean } {
  if (error instanceof SyntaxError) return { text: t('importsUi.upload.notJson'), atFile: true };
  if (!(error instanceof ApiError)) return { text: errorMessage(error, t), atFile: false };
  // A BA body that does not match the job-search response shape (zod validation of the body).
  if (error.status === 400 && error.fieldErrors.some((f) => f.field.startsWith('body'))) {
    return { text: t('importsUi.upload.notBa'), atFile: true };
  }
  const atFile =
    error.code.startsWith('file_') ||
    error.code === 'ba_format' ||
    error.status === 413 ||
    error.status === 415;
  return { text: errorMessage(error, t), atFile };
}
