import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { safeNextPath } from '../../../lib/next-path';
import { PageTitle } from '../../../ui/page-title';
import { useCurrentUser, useLogout } from '../api';
import { PasswordChangeForm } from '../components/password-change-form';

/**
 * Forced password change (`/change-password`) shown while `user.mustChangePassword` is set
 * (after an admin created the account or reset its password). Nothing else is reachable until done.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const logout = useLogout();

  if (!user.mustChangePassword) return <Navigate to={next} replace />;

  return (
    <Paper withBorder p="xl" radius="md" maw={520} mx="auto">
      <PageTitle title={t('account.forced.title')} />
      <Stack>
        <Text>{t('account.forced.intro', { name: user.displayName })}</Text>
        <PasswordChangeForm />
        <Button
          variant="subtle"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
        >
          {t('account.logout')}
        </Button>
      </Stack>
    </Paper>
  );
}
