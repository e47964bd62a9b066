import { Box, Button, Menu, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { TUser } from '../../contracts/users';
import { useLogout } from '../modules/auth';

/** Decorative chevron. */
function Chevron() {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d="M2 4l4 4 4-4" stroke="currentColor" strokeWidth="1.5" fill="none" />
    </svg>
  );
}

/** Decorative person icon (the only visible content of the button on narrow screens). */
function PersonIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="5" r="3" stroke="currentColor" strokeWidth="1.5" fill="none" />
      <path
        d="M2.5 14c.8-3 3-4.5 5.5-4.5s4.7 1.5 5.5 4.5"
        stroke="currentColor"
        strokeWidth="1.5"
        fill="none"
      />
    </svg>
  );
}

/** User menu in the header: account page, API docs (admin) and sign-out. */
export function UserMenu({ user }: { user: TUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" withinPortal={false} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button variant="default" size="sm" leftSection={<PersonIcon />} rightSection={<Chevron />} px="xs">
          <VisuallyHidden>{t('userMenu.label')}: </VisuallyHidden>
          <Box component="span" visibleFrom="sm">
            {user.displayName}
          </Box>
          <VisuallyHidden hiddenFrom="sm">{user.displayName}</VisuallyHidden>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/account">
          {t('userMenu.account')}
        </Menu.Item>
        {user.role === 'admin' ? (
          <Menu.Item component="a" href="/api/docs" target="_blank" rel="noopener">
            {t('userMenu.apiDocs')}
          </Menu.Item>
        ) : null}
        <Menu.Divider />
        <Menu.Item
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
        >
          {t('userMenu.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
