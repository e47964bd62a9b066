import { Box, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';
import { RoleBadge } from '../../../ui/badges';
import { PageTitle } from '../../../ui/page-title';
import { useCurrentUser } from '../api';
import { PasswordChangeForm } from '../components/password-change-form';
import { useLanguageChoice } from '../use-language-choice';

/** "Mein Konto" (`/account`): own profile, UI language and password change. */
export function AccountPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useFormatters();
  const { language, languages, choose } = useLanguageChoice();

  const rows: [string, React.ReactNode][] = [
    [t('account.profile.name'), user.displayName],
    [t('account.profile.email'), user.email],
    [t('account.profile.role'), <RoleBadge key="role" role={user.role} />],
    [t('account.profile.office'), user.officeName],
    [t('account.profile.lastLogin'), format.dateTime(user.lastLoginAt) || t('app.never')],
  ];

  return (
    <Stack gap="xl">
      <PageTitle title={t('account.title')} />
      <Paper withBorder p="lg" component="section" aria-labelledby="account-profile">
        <Title order={2} size="h3" id="account-profile" mb="md">
          {t('account.profile.title')}
        </Title>
        <Box
          component="dl"
          m={0}
          style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.5rem 1.5rem' }}
        >
          {rows.map(([label, value]) => (
            <Box key={label} style={{ display: 'contents' }}>
              <Text component="dt" fw={600}>
                {label}
              </Text>
              <Text component="dd" m={0}>
                {value}
              </Text>
            </Box>
          ))}
        </Box>
      </Paper>
      <Paper withBorder p="lg" component="section" aria-labelledby="account-language">
        <Title order={2} size="h3" id="account-language" mb="md">
          {t('account.language.title')}
        </Title>
        <NativeSelect
          label={t('account.language.label')}
          maw={320}
          value={language}
          data={languages.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
          onChange={(event) => choose(event.currentTarget.value)}
        />
      </Paper>
      <Paper withBorder p="lg" component="section" aria-labelledby="account-password">
        <Title order={2} size="h3" id="account-password" mb="md">
          {t('account.password.title')}
        </Title>
        <PasswordChangeForm />
      </Paper>
    </Stack>
  );
}
