import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { TPublicT } from '../public/public-texts';

/** "Dieser Link funktioniert nicht": the server's reason in the chosen language; nothing of the client. */
export function LinkProblem({ detail, pt }: { detail: string | undefined; pt: TPublicT }) {
  return (
    <Stack data-testid="profile-link-problem">
      <Title order={1}>{pt('linkProblemTitle')}</Title>
      {detail ? (
        <Alert color="red" variant="light">
          <Text>{detail}</Text>
        </Alert>
      ) : null}
    </Stack>
  );
}

/** The thank-you page after the submit (the server's message in the client's language). */
export function ThankYou({ message, pt }: { message: string; pt: TPublicT }) {
  return (
    <Stack data-testid="profile-thanks">
      <Title order={1}>{pt('thanksTitle')}</Title>
      <Text>{message}</Text>
      <Text>{pt('thanksText')}</Text>
    </Stack>
  );
}

/** Loading the form (announced), in the chosen language. */
export function ProfileLoading({ pt }: { pt: TPublicT }) {
  return (
    <Center py="xl" role="status" aria-live="polite" aria-label={pt('loading')}>
      <Loader aria-hidden />
    </Center>
  );
}

/** The form could not be loaded (network): message and "try again". */
export function ProfileLoadError({ pt, onRetry }: { pt: TPublicT; onRetry: () => void }) {
  return (
    <Stack>
      <Title order={1}>{pt('linkProblemTitle')}</Title>
      <Alert color="red" variant="light" role="alert">
        {pt('networkError')}
      </Alert>
      <div>
        <Button size="lg" onClick={onRetry}>
          {pt('retry')}
        </Button>
      </div>
    </Stack>
  );
}
