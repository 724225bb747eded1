/**
 * Changing one's own password; forced after sign-in with a temporary password given by an
 * administrator.
 */
import { Alert, Button, Paper, Stack, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PasswordField } from '../../components/PasswordField.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { SuccessNotice } from '../../components/SuccessNotice.tsx';
import { useSession } from '../../lib/session.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useChangePassword } from './hooks.ts';

const MIN_PASSWORD_LENGTH = 10;
const FIELDS = ['currentPassword', 'newPassword'] as const;

/** The change-password form. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.changePasswordTitle'));
  const session = useSession();
  const navigate = useNavigate();
  const mutation = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [problems, setProblems] = useState<Partial<Record<'current' | 'new' | 'confirm', string>>>(
    {},
  );
  const [done, setDone] = useState(false);
  const forced = session.user.mustChangePassword;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof problems = {};
    if (!currentPassword) found.current = t('auth.currentPasswordRequired');
    if (newPassword.length < MIN_PASSWORD_LENGTH) found.new = t('auth.passwordTooShort');
    else if (newPassword !== confirmPassword) found.confirm = t('auth.passwordsDiffer');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    mutation.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
          setConfirmPassword('');
          if (forced) void navigate('/', { replace: true });
          else setDone(true);
        },
      },
    );
  };

  return (
    <Paper withBorder p="lg" maw={480}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>{t('auth.changePasswordTitle')}</Title>
          {forced ? (
            <Alert color="yellow" variant="light" role="status">
              {t('auth.mustChangeNotice')}
            </Alert>
          ) : null}
          {done ? (
            <SuccessNotice onClose={() => setDone(false)}>
              {t('auth.passwordChanged')}
            </SuccessNotice>
          ) : null}
          <ErrorAlert error={mutation.error} fields={FIELDS} />
          <PasswordField
            label={t('auth.currentPassword')}
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.currentTarget.value)}
            error={problems.current ?? fieldError(mutation.error, 'currentPassword')}
            required
          />
          <PasswordField
            label={t('auth.newPassword')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNewPassword(e.currentTarget.value)}
            error={problems.new ?? fieldError(mutation.error, 'newPassword')}
            required
          />
          <PasswordField
            label={t('auth.confirmPassword')}
            autoComplete="new-password"
            value={confirmPassword}
            onChange={(e) => setConfirmPassword(e.currentTarget.value)}
            error={problems.confirm}
            required
          />
          <Button type="submit" loading={mutation.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('auth.changeSubmit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
