import { lazy } from 'react';
import type { TWebModule } from '../../lib/web-module';

export {
  ME_QUERY_KEY,
  markSessionLost,
  useCurrentUser,
  useLogin,
  useLogout,
  useMe,
  wasSessionLost,
  wasSignedOutByUser,
} from './api';
export { useAccountLanguage } from './use-account-language';
export { useLanguageChoice } from './use-language-choice';

/** Sign-in page, rendered by the app outside the shell. */
export const LoginPage = lazy(() => import('./pages/login-page').then((m) => ({ default: m.LoginPage })));
/** Forced password change, rendered by the app outside the shell. */
export const ChangePasswordPage = lazy(() =>
  import('./pages/change-password-page').then((m) => ({ default: m.ChangePasswordPage })),
);
const AccountPage = lazy(() => import('./pages/account-page').then((m) => ({ default: m.AccountPage })));

/** Auth module: the "Mein Konto" page (reached from the user menu, so no navigation entry). */
export const authModule: TWebModule = {
  id: 'auth',
  routes: [{ path: 'account', Component: AccountPage }],
  nav: [],
};
