/**
 * Guards a page with unsaved changes: leaving it for another page asks first (a dialog with the
 * page's own words), closing or reloading the tab gets the browser's own warning.
 */
import { useEffect, type ReactNode } from 'react';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from './ConfirmDialog.tsx';

interface UnsavedChangesGuardProps {
  dirty: boolean;
  title: ReactNode;
  message: ReactNode;
  confirmLabel: ReactNode;
}

export function UnsavedChangesGuard({
  dirty,
  title,
  message,
  confirmLabel,
}: UnsavedChangesGuardProps) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  return (
    <ConfirmDialog
      opened={blocker.state === 'blocked'}
      title={title}
      message={message}
      confirmLabel={confirmLabel}
      color="red"
      onClose={() => blocker.reset?.()}
      onConfirm={() => blocker.proceed?.()}
    />
  );
}
