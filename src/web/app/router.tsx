import { Suspense } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { ChangePasswordPage, LoginPage } from '../modules/auth';
import { PageLoader } from '../ui/status';
import { NotFoundPage, RouteErrorPage } from './error-pages';
import { RequireAuth, RequireRole } from './guards';
import { WEB_MODULES } from './modules';
import { PublicLayout, PublicPageLayout } from './public-layout';
import { AppLayout } from './shell';

/** Routes contributed by the modules, each behind its role check. */
function moduleRoutes(): RouteObject[] {
  return WEB_MODULES.flatMap((module) => module.routes).map(({ path, Component, roles }) => {
    const element = (
      <RequireRole key={path} roles={roles}>
        <Component />
      </RequireRole>
    );
    return path === '' ? { index: true, element } : { path, element };
  });
}

/** Public pages contributed by the modules (no sign-in; inside the shell when signed in). */
function publicModuleRoutes(): RouteObject[] {
  return WEB_MODULES.flatMap((module) => module.publicRoutes ?? []).map(({ path, Component }) => ({
    path,
    element: <Component />,
  }));
}

/** Pages of the modules outside every layout (their own header and `<main>`; no sign-in). */
function standaloneModuleRoutes(): RouteObject[] {
  return WEB_MODULES.flatMap((module) => module.standaloneRoutes ?? []).map(({ path, Component }) => ({
    path,
    element: (
      <Suspense fallback={<PageLoader />}>
        <Component />
      </Suspense>
    ),
  }));
}

/**
 * The app's routes: `/login` (public), the modules' public pages (`/finder`, `/occupations`),
 * `/change-password` (signed in, outside the shell) and every module page inside the shell; unknown
 * paths show "not found" inside the shell.
 */
export function createAppRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteErrorPage />,
      children: [
        { element: <PublicLayout />, children: [{ path: 'login', element: <LoginPage /> }] },
        { element: <PublicPageLayout />, children: publicModuleRoutes() },
        ...standaloneModuleRoutes(),
        {
          element: (
            <RequireAuth>
              <PublicLayout />
            </RequireAuth>
          ),
          children: [{ path: 'change-password', element: <ChangePasswordPage /> }],
        },
        {
          path: '/',
          element: (
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          ),
          children: [...moduleRoutes(), { path: '*', element: <NotFoundPage /> }],
        },
      ],
    },
  ]);
}
