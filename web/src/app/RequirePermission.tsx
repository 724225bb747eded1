/** Shows a page only to users holding one of the session's permissions (or the national administrator). */
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

/** True for a system administrator granted nationally (the outbox, ADR 43). */
export function isNationalAdmin(session: Session): boolean {
  return session.grants.some((g) => g.role === 'system_admin' && g.unitId === null);
}

/** Renders `children` for the national administrator only, else the same notice. */
export function RequireNationalAdmin({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  if (!isNationalAdmin(session)) {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('errors.noPermission')}
      </Alert>
    );
  }
  return children;
}
