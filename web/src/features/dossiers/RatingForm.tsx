/**
 * The nine questions of the citizen's rating form (Circular 01/2018, indicators 1–9), each with the
 * levels 2, 1, 0 points or "not rated". Keyboard first: Tab between questions, arrow keys between
 * levels, and for staff a quick field taking the nine digits as written on the paper form.
 */
import { Fieldset, Group, Radio, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseQuick, type Answers } from './logic.ts';

const INDICATORS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
const LEVELS = ['2', '1', '0', 'none'] as const;

export const emptyAnswers = (): Answers => INDICATORS.map(() => null);

/** The questions; `quick` adds the nine-digit field (staff entry). */
export function RatingQuestions({
  answers,
  onChange,
  comment,
  onComment,
  quick = false,
}: {
  answers: Answers;
  onChange: (answers: Answers) => void;
  comment: string;
  onComment: (comment: string) => void;
  quick?: boolean;
}) {
  const { t } = useTranslation();
  const [quickText, setQuickText] = useState('');
  const [quickError, setQuickError] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      {quick ? (
        <TextInput
          label={t('dossiers.rating.quick')}
          description={t('dossiers.rating.quickHint')}
          value={quickText}
          maxLength={9}
          inputMode="numeric"
          autoComplete="off"
          error={quickError}
          onChange={(e) => {
            const text = e.currentTarget.value.trim();
            setQuickText(text);
            const parsed = parseQuick(text);
            if (parsed === null) {
              setQuickError(t('dossiers.rating.quickInvalid'));
              return;
            }
            setQuickError(null);
            onChange(parsed);
          }}
          w={{ base: '100%', sm: 360 }}
        />
      ) : null}
      {INDICATORS.map((id, i) => {
        const value = answers[i];
        return (
          <Fieldset
            key={id}
            legend={t('dossiers.rating.question', { id, name: t(`dossiers.indicators.${id}`) })}
            variant="filled"
            p="xs"
          >
            <Radio.Group
              value={value === null || value === undefined ? 'none' : String(value)}
              onChange={(v) => {
                const next = [...answers];
                next[i] = v === 'none' ? null : Number(v);
                onChange(next);
              }}
              name={`indicator-${id}`}
            >
              <Group gap="md" wrap="wrap">
                {LEVELS.map((level) => (
                  <Radio key={level} value={level} label={t(`dossiers.rating.options.${level}`)} />
                ))}
              </Group>
            </Radio.Group>
          </Fieldset>
        );
      })}
      <Textarea
        label={t('dossiers.rating.comment')}
        value={comment}
        onChange={(e) => onComment(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={2000}
      />
    </Stack>
  );
}
