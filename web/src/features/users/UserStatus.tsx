/** The state of an account as badges: disabled, locked, temporary password, or active. */
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/dates.ts';
import { useLanguage } from '../../lib/use-language.ts';
import type { User } from './api.ts';

/** Badges describing the account. */
export function UserStatus({ user }: { user: User }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil) > new Date();
  return (
    <Group gap={4}>
      {user.disabled ? (
        <Badge color="red" variant="light">
          {t('users.statusDisabled')}
        </Badge>
      ) : (
        <Badge color="green" variant="light">
          {t('users.statusActive')}
        </Badge>
      )}
      {locked && user.lockedUntil ? (
        <Badge color="orange" variant="light">
          {t('users.statusLocked', { time: formatDateTime(user.lockedUntil, language) })}
        </Badge>
      ) : null}
      {user.mustChangePassword ? (
        <Badge color="yellow" variant="light">
          {t('users.statusMustChange')}
        </Badge>
      ) : null}
    </Group>
  );
}
