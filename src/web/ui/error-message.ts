import type { TFunction } from 'i18next';
import { ApiError } from '../lib/api';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  423: 'account_locked',
  429: 'rate_limited',
};

/**
 * The message to show for a failed call: the server's localised `detail` when present, otherwise the
 * translation of its error code (or of its HTTP status), otherwise a generic text.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.internal');
  if (error.problem?.detail) return error.problem.detail;
  if (error.status === 0) return t('app.networkError');
  const code = error.problem?.code ?? CODE_BY_STATUS[error.status] ?? 'internal';
  return t(`errors.${code}`, { defaultValue: t('errors.internal') });
}
