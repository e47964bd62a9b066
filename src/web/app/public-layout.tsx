import { Box, Button, Container, Group, Text } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useAccountLanguage, useMe } from '../modules/auth';
import { QUIET_BUTTON_STYLE } from '../ui/quiet-button';
import { SkipLink } from '../ui/skip-link';
import { PageLoader } from '../ui/status';
import { LanguageSwitch } from './language-switch';
import { publicNavEntries } from './nav';
import { AppLayout } from './shell';

/** Links to the public pages (and "Anmelden" when signed out), the current one marked `aria-current="page"`. */
function PublicNav({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const links = publicNavEntries().map((entry) => ({ path: entry.path, label: t(entry.labelKey) }));
  if (!signedIn) links.push({ path: '/login', label: t('public.login') });
  return (
    <nav aria-label={t('public.navLabel')}>
      <Group component="ul" gap={4} wrap="wrap" className="kausa-nav-list">
        {links.map((link) => {
          const active = pathname === link.path || pathname.startsWith(`${link.path}/`);
          return (
            <li key={link.path}>
              <Button
                component={Link}
                to={link.path}
                size="compact-md"
                variant={active ? 'light' : 'subtle'}
                style={QUIET_BUTTON_STYLE}
                aria-current={active ? 'page' : undefined}
              >
                {link.label}
              </Button>
            </li>
          );
        })}
      </Group>
    </nav>
  );
}

/** Props of {@link PublicLayout}. */
export interface PublicLayoutProps {
  /** Wide content column (public information pages); default narrow (forms such as the login). */
  wide?: boolean;
}

/**
 * Layout of the pages outside the shell (login, forced password change, public information pages):
 * header with the product name, links to the public pages and the language switch, then `<main>`.
 */
export function PublicLayout({ wide = false }: PublicLayoutProps) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <SkipLink />
      <Box
        component="header"
        px="md"
        py="sm"
        style={{ borderBlockEnd: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text fw={800} size="xl" c="blue.9">
            {t('app.name')}
          </Text>
          <Group gap="md" wrap="wrap">
            <PublicNav signedIn={Boolean(me.data)} />
            <LanguageSwitch />
          </Group>
        </Group>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size={wide ? 'xl' : 'sm'} py="xl">
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </Container>
    </>
  );
}

/**
 * Layout of the public pages (office finder, occupations): inside the app shell for a signed-in user,
 * else the public header. Same paths either way, so links to them work for everyone.
 */
export function PublicPageLayout() {
  const me = useMe();
  useAccountLanguage();
  if (me.isPending) return <PageLoader />;
  if (me.data && !me.data.mustChangePassword) return <AppLayout />;
  return <PublicLayout wide />;
}
