/**
 * Shows why something failed, in the words of the server (already in the user's language), with
 * the problems not attached to a form field listed below.
 */
import { Alert, List } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client.ts';

interface ErrorAlertProps {
  error: unknown;
  title?: ReactNode;
  /** Fields shown under their inputs; their messages are not repeated here. */
  fields?: readonly string[];
  onClose?: () => void;
}

/** A red notice explaining an error. */
export function ErrorAlert({ error, title, fields = [], onClose }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : t('errors.crashed');
  const others = error instanceof ApiError ? error.otherDetails(fields) : [];
  // The whole story is already told under a field of the form: do not repeat it above.
  if (
    error instanceof ApiError &&
    fields.length > 0 &&
    others.length === 0 &&
    error.details.some((d) => d.message === error.message)
  ) {
    return null;
  }
  return (
    <Alert
      color="red"
      variant="light"
      title={title ?? t('errors.title')}
      role="alert"
      withCloseButton={onClose !== undefined}
      closeButtonLabel={t('common.close')}
      {...(onClose ? { onClose } : {})}
    >
      {message}
      {others.length > 0 ? (
        <List size="sm" mt="xs">
          {others.map((d, i) => (
            <List.Item key={i}>{d.message}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}

/** The server's message for one field of a failed submission, if any. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}
