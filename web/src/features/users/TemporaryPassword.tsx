/** A temporary password, shown once, with a copy button. */
import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The generated password and what to do with it. */
export function TemporaryPassword({ username, password }: { username: string; password: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" title={t('users.temporaryPasswordTitle')} role="status">
      <Stack gap="xs">
        <Text size="sm">{t('users.temporaryPasswordText')}</Text>
        <Text size="sm" fw={500} id="temporary-password-label">
          {t('users.temporaryPasswordLabel', { username })}
        </Text>
        <Group gap="sm">
          <Code fz="lg" aria-labelledby="temporary-password-label" data-testid="temporary-password">
            {password}
          </Code>
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" color={copied ? 'teal' : 'blue'} onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
