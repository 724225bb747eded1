/** The status of a criteria set: draft (nháp) or frozen (đã khóa). */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SetStatus } from './api.ts';

// Badges truncate their label by default; in a narrow table column the whole word must stay readable.
const FULL_LABEL = { label: { overflow: 'visible' as const } };

/** A small coloured label. */
export function StatusBadge({ status }: { status: SetStatus }) {
  const { t } = useTranslation();
  return status === 'frozen' ? (
    <Badge color="gray" variant="light" styles={FULL_LABEL} style={{ flexShrink: 0 }}>
      {t('criteria.statusFrozen')}
    </Badge>
  ) : (
    <Badge color="yellow" variant="light" styles={FULL_LABEL} style={{ flexShrink: 0 }}>
      {t('criteria.statusDraft')}
    </Badge>
  );
}
