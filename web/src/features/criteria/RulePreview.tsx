/**
 * "Thử quy tắc": the inputs a leaf's rule asks for (as a unit would enter them), and the score the
 * rule gives with its explanation, e.g. "6/9 = 66,7 % → 4,67 điểm (7,00 × 6/9)".
 */
import { Alert, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseHundredths } from '@domain/scoring/decimal.ts';
import {
  ruleInputs,
  scoreNode,
  type InputValue,
  type RuleInputDescriptor,
  type ScoringRule,
} from '@domain/scoring/rules.ts';
import { DateField } from '../../components/DateField.tsx';

type Raw = Record<string, string>;

function integer(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** Turns what was typed into the values `scoreNode` reads (undefined: not entered or unreadable). */
function valueOf(input: RuleInputDescriptor, raw: Raw, checks: Record<string, boolean>) {
  switch (input.type) {
    case 'score': {
      const parsed = parseHundredths(raw[input.key] ?? '');
      return parsed.ok ? parsed.value : undefined;
    }
    case 'boolean':
      return checks[input.key] ?? false;
    case 'rate': {
      const numerator = integer(raw[`${input.key}.num`] ?? '');
      const denominator = integer(raw[`${input.key}.den`] ?? '');
      return numerator === undefined || denominator === undefined
        ? undefined
        : { numerator, denominator };
    }
    case 'count':
      return integer(raw[input.key] ?? '');
    case 'date':
      if (checks[`${input.key}.none`]) return null;
      return raw[input.key] ? raw[input.key] : undefined;
    default: {
      const never: never = input;
      return never;
    }
  }
}

/** The preview form of one rule. */
export function RulePreview({
  rule,
  maxHundredths,
  code,
}: {
  rule: ScoringRule;
  maxHundredths: number;
  code: string;
}) {
  const { t } = useTranslation();
  const [raw, setRaw] = useState<Raw>({});
  const [checks, setChecks] = useState<Record<string, boolean>>({});
  const inputs = ruleInputs(rule, maxHundredths);
  const values: Record<string, InputValue | undefined> = {};
  for (const input of inputs) values[input.key] = valueOf(input, raw, checks);
  const result = scoreNode(rule, maxHundredths, values);
  const set = (key: string) => (e: ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setRaw((r) => ({ ...r, [key]: value }));
  };
  const check = (key: string) => (e: ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.checked;
    setChecks((c) => ({ ...c, [key]: value }));
  };

  return (
    <Stack gap="xs" role="group" aria-label={t('criteria.previewTitle', { code })}>
      <Text size="sm" c="dimmed">
        {t('criteria.previewIntro')}
      </Text>
      {inputs.map((input) => {
        switch (input.type) {
          case 'score':
          case 'count':
            return (
              <TextInput
                key={input.key}
                label={input.label}
                inputMode="decimal"
                value={raw[input.key] ?? ''}
                onChange={set(input.key)}
                w={220}
              />
            );
          case 'boolean':
            return (
              <Checkbox
                key={input.key}
                label={input.label}
                checked={checks[input.key] ?? false}
                onChange={check(input.key)}
              />
            );
          case 'rate':
            return (
              <Group key={input.key} gap="sm" align="flex-end">
                <TextInput
                  label={input.numeratorLabel}
                  inputMode="numeric"
                  value={raw[`${input.key}.num`] ?? ''}
                  onChange={set(`${input.key}.num`)}
                  w={150}
                />
                <TextInput
                  label={input.denominatorLabel}
                  inputMode="numeric"
                  value={raw[`${input.key}.den`] ?? ''}
                  onChange={set(`${input.key}.den`)}
                  w={150}
                />
              </Group>
            );
          case 'date':
            return (
              <Group key={input.key} gap="sm" align="flex-end">
                <DateField
                  label={input.label}
                  value={raw[input.key] ?? ''}
                  onChange={(value) => setRaw((r) => ({ ...r, [input.key]: value }))}
                  disabled={checks[`${input.key}.none`] ?? false}
                  w={200}
                />
                <Checkbox
                  label={input.nullLabel}
                  checked={checks[`${input.key}.none`] ?? false}
                  onChange={check(`${input.key}.none`)}
                  mb={8}
                />
              </Group>
            );
          default: {
            const never: never = input;
            return never;
          }
        }
      })}
      <Alert
        color={result.ok ? 'green' : 'gray'}
        variant="light"
        aria-live="polite"
        title={result.ok ? t('criteria.previewResult') : t('criteria.previewWaiting')}
      >
        <Text size="sm" lang="vi">
          {result.ok ? result.explanation : result.message}
        </Text>
      </Alert>
    </Stack>
  );
}
