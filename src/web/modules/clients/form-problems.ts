import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../ui/error-message';
import { problemFieldPath } from './client-form';

/**
 * Puts the server's field errors under the matching inputs of `form` (paths such as
 * `body.client.languages.0.level` → `languages.0.level`, see {@link problemFieldPath}); `prefix` is put
 * in front of each path for forms that nest the request (`consent.` → `consent.givenOn`). Returns the
 * message for above the form: the problem detail when no error matched a field, the unmatched messages
 * otherwise, or null when every error landed on a field.
 */
export function applyProblem<Values extends object>(
  form: UseFormReturnType<Values>,
  error: unknown,
  t: TFunction,
  prefix = '',
): string | null {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return errorMessage(error, t);
  const values = form.getValues();
  const unmatched: string[] = [];
  for (const fieldError of error.fieldErrors) {
    const path = `${prefix}${problemFieldPath(fieldError.field)}`;
    const root = path.split('.')[0] ?? '';
    if (root in values) form.setFieldError(path as never, fieldError.message);
    else unmatched.push(fieldError.message);
  }
  if (unmatched.length === error.fieldErrors.length) return errorMessage(error, t);
  return unmatched.length > 0 ? unmatched.join(' ') : null;
}

/**
 * The fields a 409 `conflict` names as changed by someone else (`changedFields` of the problem body),
 * or null when the error is no conflict. An empty list means "changed, but the server did not say what".
 */
export function conflictChangedFields(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const body = error.problem as (Record<string, unknown> & { changedFields?: unknown }) | null;
  const fields = body?.changedFields;
  return Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : [];
}
