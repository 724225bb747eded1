/** The sign-in page: username and password, with the server's explanation when it refuses. */
import { Alert, Button, Center, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { PasswordField } from '../../components/PasswordField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useSessionQuery } from '../../lib/session.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useLogin } from './hooks.ts';

interface LoginState {
  from?: string;
  loggedOut?: boolean;
}

function safeTarget(from: string | undefined): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')
    ? from
    : '/';
}

/** Sign-in form. */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.loginTitle'));
  const session = useSessionQuery();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginState;
  const loginMutation = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<{ username?: string; password?: string }>({});

  if (session.isLoading) return <LoadingState />;
  // Right after signing out the old session is still cached for a moment: stay here.
  if (session.data && (!state.loggedOut || loginMutation.isSuccess))
    return <Navigate to={safeTarget(state.from)} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(username.trim() ? {} : { username: t('auth.usernameRequired') }),
      ...(password ? {} : { password: t('auth.passwordRequired') }),
    };
    setProblems(found);
    if (found.username || found.password) return;
    // On success the stored session redirects this page to where the user was going.
    loginMutation.mutate({ username: username.trim(), password });
  };

  return (
    <Center mih="100dvh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Text c="dimmed" size="sm">
                {t('app.fullName')}
              </Text>
              <Title order={1} size="h2">
                {t('auth.loginTitle')}
              </Title>
              <Text size="sm" mt={4}>
                {t('auth.loginIntro')}
              </Text>
            </div>
            {state.loggedOut && !loginMutation.error ? (
              <Alert color="blue" variant="light" role="status">
                {t('auth.loggedOut')}
              </Alert>
            ) : null}
            <ErrorAlert error={loginMutation.error} />
            <TextInput
              label={t('auth.username')}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={problems.username}
              required
              data-autofocus
              autoFocus
            />
            <PasswordField
              label={t('auth.password')}
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={problems.password}
              required
            />
            <Button type="submit" loading={loginMutation.isPending} fullWidth>
              {t('auth.submit')}
            </Button>
            <Group justify="center">
              <LanguageSwitch />
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
