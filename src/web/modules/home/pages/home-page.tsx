import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RoleBadge } from '../../../ui/badges';
import { PageTitle } from '../../../ui/page-title';
import { useCurrentUser } from '../../auth';

/** Start page: greets the signed-in user and names their role and office. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Stack>
      <PageTitle title={t('home.title', { name: user.displayName })} />
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Text>
            {t('home.signedInAs')} <RoleBadge role={user.role} />
          </Text>
          <Text>{t('home.office', { office: user.officeName })}</Text>
          <Text>{t(`home.roleHint.${user.role}`)}</Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
