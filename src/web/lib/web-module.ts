import type { ComponentType } from 'react';
import type { TRole } from '../../contracts/common';

/**
 * Navigation group: `start` is shown first without a heading; the others are labelled with
 * `nav.groups.<id>`. Add a new id to `NAV_GROUPS` (app/nav.tsx) to get a new group.
 */
export type TNavGroupId = 'start' | 'administration' | (string & {});

/** One entry of the main navigation, contributed by a module. */
export interface TNavEntry {
  /** Group it belongs to. */
  group: TNavGroupId;
  /** Route path it links to (also used to mark the entry active). */
  path: string;
  /** i18n key of the link text. */
  labelKey: string;
  /** Roles that see the entry; all signed-in roles when omitted. */
  roles?: readonly TRole[];
  /** Sort order inside the group (ascending; default 100). */
  order?: number;
}

/** One page route of a module. */
export interface TModuleRoute {
  /** Path relative to the site root, without leading slash (`users`, `offices/:id`); `''` for the start page. */
  path: string;
  /** The page component (usually `React.lazy`). */
  Component: ComponentType;
  /** Roles allowed to open the page; all signed-in roles when omitted. Others get a "no access" page. */
  roles?: readonly TRole[];
}

/**
 * One public page of a module: reachable without signing in (public header with the language switch and
 * links), and inside the app shell, under the same path, for a signed-in user.
 */
export interface TPublicRoute {
  /** Path relative to the site root, without leading slash (`finder`). */
  path: string;
  /** The page component (usually `React.lazy`). */
  Component: ComponentType;
}

/**
 * What a web module contributes to the app: pages inside the app shell, public pages (optional) and
 * navigation entries (a public page needs its own entry to appear in the shell's navigation).
 */
export interface TWebModule {
  id: string;
  routes: readonly TModuleRoute[];
  publicRoutes?: readonly TPublicRoute[];
  /**
   * Pages outside every layout (no app header or shell, also for a signed-in user): they bring their
   * own header and `<main>`, e.g. the client's profile form reached through a private link.
   */
  standaloneRoutes?: readonly TPublicRoute[];
  nav: readonly TNavEntry[];
}

/** True when `role` may use something restricted to `roles` (no restriction when `roles` is undefined). */
export function roleAllowed(role: TRole, roles: readonly TRole[] | undefined): boolean {
  return !roles || roles.includes(role);
}

/**
 * The navigation path that marks the current page: the longest of `paths` that is `pathname` itself or
 * a folder above it (`/` only for `/`), so that on `/companies/board` the entry `/companies/board` is
 * marked and `/companies` is not; null when none matches.
 */
export function activeNavPath(pathname: string, paths: readonly string[]): string | null {
  const matches = (path: string) =>
    path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
  return paths
    .filter(matches)
    .reduce<string | null>((best, path) => (best === null || path.length > best.length ? path : best), null);
}
