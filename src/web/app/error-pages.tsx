import { Anchor, Container, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router-dom';
import { PageTitle } from '../ui/page-title';

function Message({ titleKey, textKey }: { titleKey: string; textKey: string }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle title={t(titleKey)} />
      <Text>{t(textKey)}</Text>
      <Anchor component={Link} to="/">
        {t('app.backToStart')}
      </Anchor>
    </Stack>
  );
}

/** "Seite nicht gefunden" for unknown paths inside the shell. */
export function NotFoundPage() {
  return <Message titleKey="app.notFound.title" textKey="app.notFound.text" />;
}

/** "Kein Zugriff" for pages the user's role may not open. */
export function ForbiddenPage() {
  return <Message titleKey="app.forbidden.title" textKey="app.forbidden.text" />;
}

/** Last-resort page when rendering a route threw (keeps a landmark and a way back). */
export function RouteErrorPage() {
  const error = useRouteError();
  if (error) console.error(error);
  return (
    <Container component="main" id="main" py="xl">
      <Message titleKey="app.crash.title" textKey="app.crash.text" />
    </Container>
  );
}
