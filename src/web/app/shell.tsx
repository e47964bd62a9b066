import { AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { useCurrentUser } from '../modules/auth';
import { SkipLink } from '../ui/skip-link';
import { PageLoader } from '../ui/status';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './nav';
import { UserMenu } from './user-menu';

/**
 * Layout of every signed-in page: skip link, header (product, office, language, user menu),
 * role-filtered navigation and `<main id="main">` holding the page.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('app.toggleNavigation')}
                aria-expanded={opened}
                aria-controls="main-navigation"
              />
              <Text fw={800} size="xl" c="blue.9">
                {t('app.name')}
              </Text>
              <Text visibleFrom="xs" size="sm" c="gray.8" data-testid="header-office">
                {user.officeName}
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitch />
              <UserMenu user={user} />
            </Group>
          </Group>
        </AppShell.Header>
        {/* The navigation scrolls on its own: with every module's entries it is taller than a laptop screen. */}
        <AppShell.Navbar
          p="xs"
          id="main-navigation"
          aria-label={t('nav.label')}
          style={{ overflowY: 'auto' }}
        >
          <MainNav role={user.role} onNavigate={close} />
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
