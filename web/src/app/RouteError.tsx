/** What the user sees when a page crashes or its code cannot be loaded (e.g. after a release). */
import { Alert, Button, Container, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A readable failure with a reload button, instead of a blank page. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Alert color="red" variant="light" role="alert" title={t('errors.title')}>
          {t('errors.crashed')}
        </Alert>
        <Button onClick={() => window.location.reload()} style={{ alignSelf: 'flex-start' }}>
          {t('errors.reload')}
        </Button>
      </Stack>
    </Container>
  );
}
