import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRole } from '../../contracts/common';

// Light badges draw text in shade 9 on a pale tint; these hues keep ≥ 4.5:1 there (green/orange/yellow do not).
const ROLE_COLOURS: Record<TRole, string> = {
  admin: 'red',
  coordinator: 'grape',
  counsellor: 'blue',
  volunteer: 'indigo',
  viewer: 'gray',
};

/** The translated role name as a coloured badge. */
export function RoleBadge({ role }: { role: TRole }) {
  const { t } = useTranslation();
  return (
    <Badge color={ROLE_COLOURS[role]} variant="light" tt="none" miw="max-content">
      {t(`roles.${role}`)}
    </Badge>
  );
}

/** "aktiv" / "deaktiviert" badge of a user account. */
export function AccountStatusBadge({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={disabled ? 'red' : 'blue'}
      variant={disabled ? 'filled' : 'light'}
      tt="none"
      miw="max-content"
    >
      {disabled ? t('users.status.disabled') : t('users.status.active')}
    </Badge>
  );
}
