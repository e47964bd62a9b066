import { Alert, Anchor, Button, Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { recordMissing, retryHelps } from '../lib/api';
import { errorMessage } from './error-message';

/** Centered spinner announcing "loading" to screen readers. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    // The label sits on the status region: axe refuses aria-label on the spinner's bare <span>.
    <Center py="xl" role="status" aria-live="polite" aria-label={t('app.loading')}>
      <Loader aria-hidden />
    </Center>
  );
}

/** Props of {@link QueryError}. */
export interface QueryErrorProps {
  error: unknown;
  /** Called by the "try again" button; the button is omitted without it. */
  onRetry?: () => void;
}

/**
 * Error box for a failed load, with a retry button when `onRetry` is given and trying again may help; a
 * record that does not exist here (404, or a malformed id in the path) reads "Nicht gefunden" with a way
 * back to the start page.
 */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" role="alert">
      <Stack gap="sm" align="flex-start">
        {recordMissing(error) ? t('errors.not_found') : errorMessage(error, t)}
        {onRetry && retryHelps(error) ? (
          <Button variant="default" size="xs" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        ) : null}
        {recordMissing(error) ? (
          <Anchor component={Link} to="/" size="sm">
            {t('app.backToStart')}
          </Anchor>
        ) : null}
      </Stack>
    </Alert>
  );
}
