/** A green notice confirming that something was saved, announced to screen readers. */
import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Shown after a successful change; the user may dismiss it. */
export function SuccessNotice({ children, onClose }: { children: ReactNode; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="green"
      variant="light"
      role="status"
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
    >
      {children}
    </Alert>
  );
}
