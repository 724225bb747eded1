/**
 * The decision a result is published by (Quyết định công bố): its number and symbol and the date it
 * was signed, asked when publishing and printed on the public results page.
 */
import { Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';

export interface Decision {
  number: string;
  date: string;
}

export const NO_DECISION: Decision = { number: '', date: '' };

/** The request fields of a decision, only those filled in. */
export function decisionBody(d: Decision): { decisionNumber?: string; decisionDate?: string } {
  return {
    ...(d.number.trim() ? { decisionNumber: d.number.trim() } : {}),
    ...(d.date ? { decisionDate: d.date.slice(0, 10) } : {}),
  };
}

export function DecisionFields({
  value,
  onChange,
}: {
  value: Decision;
  onChange: (d: Decision) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <TextInput
        label={t('campaigns.actions.decisionNumber')}
        description={t('campaigns.actions.decisionNumberHint')}
        maxLength={100}
        value={value.number}
        onChange={(e) => onChange({ ...value, number: e.currentTarget.value })}
      />
      <DateField
        label={t('campaigns.actions.decisionDate')}
        value={value.date}
        onChange={(date) => onChange({ ...value, date })}
      />
    </Stack>
  );
}
