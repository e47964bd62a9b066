import { Button, Menu, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { TUser } from '../../contracts/users';
import { useLogout } from '../modules/auth';

/** Chevron drawn with CSS-free SVG; decorative. */
function Chevron() {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d="M2 4l4 4 4-4" stroke="currentColor" strokeWidth="1.5" fill="none" />
    </svg>
  );
}

/** User menu in the header: account page, API docs (admin) and sign-out. */
export function UserMenu({ user }: { user: TUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm" rightSection={<Chevron />}>
          <VisuallyHidden>{t('userMenu.label')}: </VisuallyHidden>
          {user.displayName}
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
