/**
 * The validity of a unit in words: "Hết hiệu lực từ 01/07/2025" (the day after its last valid day),
 * with a grey badge once that day has passed.
 */
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay, nextDay, todayIso } from '../../lib/dates.ts';
import { isExpired, type Unit } from '../../lib/units.ts';

/** Validity text with an "expired" badge when the unit is no longer valid. */
export function UnitValidity({ unit }: { unit: Pick<Unit, 'validFrom' | 'validTo'> }) {
  const { t } = useTranslation();
  const expired = isExpired(unit, todayIso());
  if (unit.validTo) {
    return (
      <Group gap={6} wrap="wrap">
        {expired ? (
          <Badge color="gray" variant="light" size="sm">
            {t('units.expiredBadge')}
          </Badge>
        ) : null}
        <Text size="sm" c={expired ? 'dimmed' : undefined} span>
          {t('units.expiredFrom', { date: formatDay(nextDay(unit.validTo)) })}
        </Text>
      </Group>
    );
  }
  return (
    <Text size="sm" span>
      {unit.validFrom
        ? t('units.activeFrom', { date: formatDay(unit.validFrom) })
        : t('units.active')}
    </Text>
  );
}
