import { NavLink } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router-dom';
import type { TRole } from '../../contracts/common';
import { activeNavPath, roleAllowed, type TNavEntry, type TNavGroupId } from '../lib/web-module';
import { WEB_MODULES } from './modules';

/** Navigation groups in display order; `labelKey` null means "no group heading" (the start entry). */
export const NAV_GROUPS: readonly { id: TNavGroupId; labelKey: string | null }[] = [
  { id: 'start', labelKey: null },
  { id: 'counselling', labelKey: 'cases.navGroup' },
  { id: 'companies', labelKey: 'nav.groups.companies' },
  { id: 'information', labelKey: 'nav.groups.information' },
  { id: 'administration', labelKey: 'nav.groups.administration' },
];

/**
 * Navigation entries that lead to public pages (a module's `publicRoutes`), in navigation order: the
 * links of the public header.
 */
export function publicNavEntries(): TNavEntry[] {
  return WEB_MODULES.flatMap((module) =>
    module.nav.filter((entry) => module.publicRoutes?.some((route) => `/${route.path}` === entry.path)),
  ).sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}

/** The navigation entries `role` may use, grouped and sorted; empty groups are left out. */
export function navFor(role: TRole): { id: TNavGroupId; labelKey: string | null; entries: TNavEntry[] }[] {
  const entries = WEB_MODULES.flatMap((module) => module.nav).filter((entry) =>
    roleAllowed(role, entry.roles),
  );
  const known = new Set(NAV_GROUPS.map((group) => group.id));
  const extra = [...new Set(entries.map((e) => e.group).filter((id) => !known.has(id)))].map((id) => ({
    id,
    labelKey: `nav.groups.${id}`,
  }));
  return [...NAV_GROUPS, ...extra]
    .map((group) => ({
      ...group,
      entries: entries
        .filter((entry) => entry.group === group.id)
        .sort((a, b) => (a.order ?? 100) - (b.order ?? 100)),
    }))
    .filter((group) => group.entries.length > 0);
}

/** Main navigation: grouped links for the signed-in user's role. */
export function MainNav({ role, onNavigate }: { role: TRole; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const groups = navFor(role);
  const paths = groups.flatMap((group) => group.entries.map((entry) => entry.path));
  const current = activeNavPath(pathname, paths);
  return (
    <ul className="kausa-nav-list">
      {groups.map((group) => {
        const links = group.entries.map((entry) => (
          <li key={entry.path}>
            <NavLink
              component={RouterNavLink}
              to={entry.path}
              // Exact match only where another entry lies below this path (its own link marks those pages).
              end={entry.path === '/' || paths.some((p) => p.startsWith(`${entry.path}/`))}
              label={t(entry.labelKey)}
              active={entry.path === current}
              onClick={onNavigate}
            />
          </li>
        ));
        if (!group.labelKey) return <Fragment key={group.id}>{links}</Fragment>;
        const labelId = `nav-group-${group.id}`;
        return (
          <li key={group.id}>
            <span className="kausa-nav-group-label" id={labelId}>
              {t(group.labelKey)}
            </span>
            <ul className="kausa-nav-list" aria-labelledby={labelId}>
              {links}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
