/** The answer to an address the app does not know. */
import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../lib/use-page-title.ts';

/** "This page does not exist", with a way back. */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('errors.notFoundPage'));
  return (
    <Stack>
      <Text>{t('errors.notFoundPage')}</Text>
      <Anchor component={Link} to="/units">
        {t('nav.units')}
      </Anchor>
    </Stack>
  );
}
