/** Shows a page only to users holding one of the session's permissions. */
import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, type Session } from '../lib/session.tsx';

/** Renders `children`, or a notice that the user may not see this page. */
export function RequirePermission({
  permission,
  children,
}: {
  permission: keyof Session['permissions'];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const session = useSession();
  if (!session.permissions[permission]) {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('errors.noPermission')}
      </Alert>
    );
  }
  return children;
}
