import { Alert, Button, Paper, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { nextQuery, safeNextPath } from '../../../lib/next-path';
import { applyApiError, FormAlert } from '../../../ui/form-errors';
import { PageTitle } from '../../../ui/page-title';
import { PasswordField } from '../../../ui/password-field';
import { useLogin, useMe, wasSessionLost } from '../api';

/** Sign-in page (`/login`); afterwards goes to `?next=` (or the forced password change first). */
export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const me = useMe();
  const login = useLogin();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('login.emailRequired')),
      password: (value) => (value ? null : t('login.passwordRequired')),
    },
  });

  if (me.data) {
    const target = me.data.mustChangePassword ? `/change-password${nextQuery(next)}` : next;
    return <Navigate to={target} replace />;
  }

  const submit = form.onSubmit((values) => {
    setMessage(null);
    login.mutate(values, { onError: (error) => setMessage(applyApiError(form, error, t)) });
  });

  return (
    <Paper withBorder p="xl" radius="md" maw={440} mx="auto">
      <PageTitle title={t('login.title')} />
      <form onSubmit={submit} noValidate>
        <Stack>
          {wasSessionLost() ? (
            <Alert color="blue" variant="light" data-testid="session-lost">
              {t('login.sessionLost')}
            </Alert>
          ) : null}
          <FormAlert message={message} />
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps('email')}
          />
          <PasswordField
            label={t('login.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
