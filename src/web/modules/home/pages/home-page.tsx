import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roleAllowed } from '../../../lib/web-module';
import { RoleBadge } from '../../../ui/badges';
import { PageTitle } from '../../../ui/page-title';
import { useCurrentUser } from '../../auth';
import { AgendaOverview } from '../../cases';
import { COUNSELLING_ROLES } from '../../clients';

/**
 * Start page: greets the signed-in user and names their role and office; counsellors and coordinators
 * see their agenda below (appointments, tasks, quiet cases, expiring residence documents).
 */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const counselling = roleAllowed(user.role, COUNSELLING_ROLES);
  return (
    <Stack>
      <PageTitle title={t('home.title', { name: user.displayName })} />
      <Paper withBorder p={counselling ? 'sm' : 'lg'}>
        <Stack gap="sm">
          <Text>
            {t('home.signedInAs')} <RoleBadge role={user.role} />
          </Text>
          <Text>{t('home.office', { office: user.officeName })}</Text>
          {counselling ? null : <Text>{t(`home.roleHint.${user.role}`)}</Text>}
        </Stack>
      </Paper>
      {counselling ? <AgendaOverview /> : null}
    </Stack>
  );
}
