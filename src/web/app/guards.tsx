import { Container } from '@mantine/core';
import { Navigate, useLocation } from 'react-router-dom';
import type { TRole } from '../../contracts/common';
import { nextQuery } from '../lib/next-path';
import { roleAllowed } from '../lib/web-module';
import { useAccountLanguage, useMe, wasSignedOutByUser } from '../modules/auth';
import { PageLoader, QueryError } from '../ui/status';
import { ForbiddenPage } from './error-pages';

/**
 * Renders `children` only for a signed-in user. Signed out → `/login?next=<this page>` (plain `/login`
 * after an explicit sign-out); while
 * `mustChangePassword` is set → `/change-password?next=<this page>`.
 */
export function RequireAuth({ children }: { children: React.ReactNode }) {
  const me = useMe();
  const location = useLocation();
  useAccountLanguage();
  if (me.isPending) return <PageLoader />;
  if (me.isError) {
    return (
      <Container component="main" id="main" py="xl">
        <QueryError error={me.error} onRetry={() => void me.refetch()} />
      </Container>
    );
  }
  const here = `${location.pathname}${location.search}`;
  if (!me.data) return <Navigate to={wasSignedOutByUser() ? '/login' : `/login${nextQuery(here)}`} replace />;
  if (me.data.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to={`/change-password${nextQuery(here)}`} replace />;
  }
  return children;
}

/** Renders `children` when the signed-in user's role is in `roles` (or `roles` is undefined), else "no access". */
export function RequireRole({ roles, children }: { roles?: readonly TRole[]; children: React.ReactNode }) {
  const me = useMe();
  if (!me.data || !roleAllowed(me.data.role, roles)) return <ForbiddenPage />;
  return children;
}
