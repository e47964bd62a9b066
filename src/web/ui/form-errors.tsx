import { Alert } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { ApiError } from '../lib/api';
import { errorMessage } from './error-message';

/**
 * Puts the server's field errors (`errors[].field` such as `body.email`, prefix stripped) under the
 * matching form fields. Returns the message to show above the form: the problem `detail` when no field
 * matched, the unmatched field messages otherwise, or null when every error landed on a field.
 */
export function applyApiError<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  error: unknown,
  t: TFunction,
): string | null {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return errorMessage(error, t);
  const values = form.getValues();
  const unmatched: string[] = [];
  for (const fieldError of error.fieldErrors) {
    const path = fieldError.field.replace(/^body\./, '');
    const root = path.split('.')[0] ?? '';
    if (root in values) form.setFieldError(path, fieldError.message);
    else unmatched.push(fieldError.message);
  }
  if (unmatched.length === error.fieldErrors.length) return errorMessage(error, t);
  return unmatched.length > 0 ? unmatched.join(' ') : null;
}

/** Props of {@link FormAlert}. */
export interface FormAlertProps {
  /** Message to show; nothing is rendered when null or empty. */
  message: string | null | undefined;
  /** Optional action under the message (e.g. a reload button after a conflict). */
  children?: React.ReactNode;
}

/** An error message above or below a form, announced to screen readers (`role="alert"`). */
export function FormAlert({ message, children }: FormAlertProps) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" role="alert" data-testid="form-error">
      {message}
      {children}
    </Alert>
  );
}
