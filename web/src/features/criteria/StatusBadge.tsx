/** The status of a criteria set: draft (nháp) or frozen (đã khóa). */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SetStatus } from './api.ts';

/** A small coloured label. */
export function StatusBadge({ status }: { status: SetStatus }) {
  const { t } = useTranslation();
  return status === 'frozen' ? (
    <Badge color="gray" variant="light">
      {t('criteria.statusFrozen')}
    </Badge>
  ) : (
    <Badge color="yellow" variant="light">
      {t('criteria.statusDraft')}
    </Badge>
  );
}
