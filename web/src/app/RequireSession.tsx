/**
 * The gate of the protected pages: waits for the session, sends anonymous visitors to sign in and
 * users with a temporary password to the change-password page. The sign-in page is a light page
 * outside the app (ADR 41): reached with a full page load that names the page to come back to.
 */
import { Button, Container, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { SessionProvider, useSessionQuery } from '../lib/session.tsx';
import { signInAddress } from '../lib/sign-in-address.ts';

const CHANGE_PASSWORD_PATH = '/change-password';

/** Renders the protected pages only for a signed-in user. */
export function RequireSession() {
  const { t } = useTranslation();
  const { data, isLoading, error, refetch } = useSessionQuery();
  const location = useLocation();
  const signedOut = !isLoading && !error && !data;
  const next = `${location.pathname}${location.search}${location.hash}`;
  useEffect(() => {
    // A full page load: the sign-in page is not part of the app.
    if (signedOut) window.location.replace(signInAddress({ next }));
  }, [signedOut, next]);
  if (isLoading) return <LoadingState />;
  if (error) {
    return (
      <Container size="sm" py="xl">
        <Stack>
          <ErrorAlert error={error} />
          <Button onClick={() => void refetch()} style={{ alignSelf: 'flex-start' }}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Container>
    );
  }
  if (!data) return <LoadingState />;
  if (data.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return (
    <SessionProvider session={data}>
      <Outlet />
    </SessionProvider>
  );
}
