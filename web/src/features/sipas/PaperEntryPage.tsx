/**
 * Fast keyboard-only entry of paper questionnaires. The officer picks the unit and field once,
 * types the paper's serial number, then one digit per answer box (1–5 for the levels, 0 for "no
 * answer" where the form allows it; the cursor moves on by itself, Backspace goes back), the
 * profile options by their number, the suggestion, and Enter saves and starts the next form with
 * the next serial proposed. A serial already entered for the unit is refused with the server's
 * message and nothing is saved; the same form sent twice (same client id) is counted once.
 */
import {
  Alert,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { ANSWER_LABELS, NO_ANSWER, type ProfileQuestion } from '@domain/sipas/questionnaire.ts';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { sipasApi, type EntryForm, type PaperInput } from './api.ts';
import { useEntryForm, useSipasMutation } from './hooks.ts';
import {
  answerFromKey,
  entryQuestions,
  missingAnswers,
  nextSerial,
  optionFromKey,
  type KeyAnswer,
} from './logic.ts';
import { SipasCrumbs } from './parts.tsx';

export function PaperEntryPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const form = useEntryForm(id);
  usePageTitle(t('sipas.paper.title'));
  if (form.isLoading) return <LoadingState />;
  if (form.error || !form.data) return <ErrorAlert error={form.error} />;
  return <PaperEntry form={form.data} />;
}

interface Saved {
  serial: string;
  receipt: string;
  unit: string;
  field: string;
}

const boxStyle = { width: '3.2rem', textAlign: 'center' as const, fontWeight: 700 };

function PaperEntry({ form }: { form: EntryForm }) {
  const { t } = useTranslation();
  const questionnaire = form.questionnaire;
  const questions = useMemo(() => entryQuestions(questionnaire), [questionnaire]);
  const profile = questionnaire.profile;
  const [unitId, setUnitId] = useState<string | null>(
    form.units.length === 1 ? String(form.units[0]?.id) : null,
  );
  const [fieldId, setFieldId] = useState<string | null>(
    form.fields.length === 1 ? (form.fields[0]?.id ?? null) : null,
  );
  const [serial, setSerial] = useState('');
  const [answers, setAnswers] = useState<Record<string, KeyAnswer | undefined>>({});
  const [profileValues, setProfileValues] = useState<Record<string, string | undefined>>({});
  const [suggestion, setSuggestion] = useState('');
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [saved, setSaved] = useState<Saved[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const boxes = useRef<Array<HTMLInputElement | null>>([]);
  const serialRef = useRef<HTMLInputElement | null>(null);
  const enter = useSipasMutation((input: PaperInput) =>
    sipasApi.enterPaper(form.campaignId, input),
  );

  // Box order: the answers, then the profile questions; the suggestion comes after.
  const boxCount = questions.length + profile.length;
  const focusBox = (i: number) => {
    const el = boxes.current[Math.max(0, Math.min(boxCount, i))];
    el?.focus();
    el?.select();
  };

  const onBoxKey = (
    i: number,
    e: KeyboardEvent<HTMLInputElement>,
    apply: (key: string) => boolean,
    clear: () => void,
  ) => {
    if (e.key === 'Enter' || e.key === 'Tab' || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Backspace' || e.key === 'Delete') {
      e.preventDefault();
      clear();
      if (e.key === 'Backspace') focusBox(i - 1);
      return;
    }
    if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
      e.preventDefault();
      focusBox(i - 1);
      return;
    }
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
      e.preventDefault();
      focusBox(i + 1);
      return;
    }
    if (e.key.length === 1) {
      e.preventDefault();
      if (apply(e.key)) focusBox(i + 1);
    }
  };

  const resetForm = (lastSerial: string) => {
    setSerial(nextSerial(lastSerial));
    setAnswers({});
    setProfileValues({});
    setSuggestion('');
    setClientId(crypto.randomUUID());
    setProblem(null);
    enter.reset();
    requestAnimationFrame(() => {
      serialRef.current?.focus();
      serialRef.current?.select();
    });
  };

  const submit = () => {
    setProblem(null);
    if (!unitId || !fieldId) {
      setProblem(t('sipas.paper.chooseUnitField'));
      return;
    }
    const trimmed = serial.trim();
    if (!trimmed) {
      setProblem(t('sipas.paper.serialMissing'));
      serialRef.current?.focus();
      return;
    }
    const missing = missingAnswers(questions, answers);
    const missingProfile = profile.filter((p) => p.required && !profileValues[p.key]);
    if (missing.length > 0 || missingProfile.length > 0) {
      setProblem(
        t('sipas.paper.missing', {
          list: [
            ...missing.map((m) => t('sipas.paper.question', { id: m })),
            ...missingProfile.map((p) => p.text),
          ].join(', '),
        }),
      );
      const first = missing[0];
      focusBox(
        first !== undefined
          ? questions.findIndex((q) => q.question.id === first)
          : questions.length + profile.findIndex((p) => p === missingProfile[0]),
      );
      return;
    }
    const input: PaperInput = {
      clientId,
      unitId: Number(unitId),
      fieldId,
      paperSerial: trimmed,
      answers: Object.fromEntries(
        Object.entries(answers).filter((e): e is [string, KeyAnswer] => e[1] !== undefined),
      ),
      profile: Object.fromEntries(
        Object.entries(profileValues).filter((e): e is [string, string] => Boolean(e[1])),
      ),
      suggestion: suggestion.trim() ? suggestion.trim() : null,
    };
    enter.mutate(input, {
      onSuccess: (ack) => {
        setSaved((list) => [
          {
            serial: trimmed,
            receipt: ack.receipt,
            unit: form.units.find((u) => String(u.id) === unitId)?.name ?? '',
            field: form.fields.find((f) => f.id === fieldId)?.name ?? '',
          },
          ...list,
        ]);
        resetForm(trimmed);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409) {
          serialRef.current?.focus();
          serialRef.current?.select();
        }
      },
    });
  };

  const enabled = form.channels.includes('paper') && form.status === 'open';
  const last = saved[0];

  return (
    <Stack>
      <SipasCrumbs id={form.campaignId} name={form.campaignName} here={t('sipas.paper.title')} />
      <Title order={2}>{t('sipas.paper.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('sipas.paper.howTo')}
      </Text>
      {!enabled ? (
        <Alert color="yellow" variant="light">
          {t('sipas.paper.closed')}
        </Alert>
      ) : null}
      <Group gap="md" align="flex-end" wrap="wrap">
        <Select
          label={t('sipas.fields.unit')}
          data={form.units.map((u) => ({ value: String(u.id), label: u.name }))}
          value={unitId}
          onChange={setUnitId}
          searchable
          allowDeselect={false}
          w={300}
          required
        />
        <Select
          label={t('sipas.fields.field')}
          data={form.fields.map((f) => ({ value: f.id, label: f.name }))}
          value={fieldId}
          onChange={setFieldId}
          allowDeselect={false}
          w={300}
          required
        />
        <Text size="sm" role="status" aria-live="polite" data-testid="paper-count">
          {t('sipas.paper.count', { count: saved.length })}
        </Text>
      </Group>

      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        aria-label={t('sipas.paper.formLabel')}
      >
        <Paper withBorder p="md">
          <Stack gap="sm">
            <TextInput
              ref={serialRef}
              label={t('sipas.paper.serial')}
              description={t('sipas.paper.serialHint')}
              value={serial}
              onChange={(e) => setSerial(e.currentTarget.value.toUpperCase())}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown') {
                  e.preventDefault();
                  focusBox(0);
                }
              }}
              autoFocus
              required
              maw={320}
              autoComplete="off"
              disabled={!enabled}
            />
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs" verticalSpacing={4}>
              {questions.map((q, i) => {
                const value = answers[q.question.id];
                const label = value === undefined ? '' : ANSWER_LABELS[value];
                return (
                  <Group key={q.question.id} gap="xs" wrap="nowrap" align="center">
                    <input
                      ref={(el) => {
                        boxes.current[i] = el;
                      }}
                      className="mantine-focus-auto"
                      style={boxStyle}
                      inputMode="numeric"
                      autoComplete="off"
                      aria-label={t('sipas.paper.answerLabel', {
                        id: q.question.id,
                        text: q.question.text,
                      })}
                      aria-describedby={`paper-label-${i}`}
                      value={value === undefined ? '' : value === NO_ANSWER ? '0' : String(value)}
                      // Phones' soft keyboards send no usable key: read the typed character instead.
                      onChange={(e) => {
                        const a = answerFromKey(
                          e.currentTarget.value.slice(-1),
                          q.question.allowNoAnswer,
                        );
                        if (a === null) return;
                        setAnswers((prev) => ({ ...prev, [q.question.id]: a }));
                        focusBox(i + 1);
                      }}
                      onKeyDown={(e) =>
                        onBoxKey(
                          i,
                          e,
                          (key) => {
                            const a = answerFromKey(key, q.question.allowNoAnswer);
                            if (a === null) return false;
                            setAnswers((prev) => ({ ...prev, [q.question.id]: a }));
                            return true;
                          },
                          () => setAnswers((prev) => ({ ...prev, [q.question.id]: undefined })),
                        )
                      }
                      disabled={!enabled}
                    />
                    <Text size="sm" style={{ minWidth: 0 }} title={q.question.text}>
                      <Text span fw={600}>
                        {q.question.id}
                      </Text>{' '}
                      <Text span c={label ? undefined : 'dimmed'} id={`paper-label-${i}`}>
                        {label || (q.elementName ?? t('sipas.paper.overall'))}
                      </Text>
                    </Text>
                  </Group>
                );
              })}
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('sipas.paper.levels')}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs" verticalSpacing={4}>
              {profile.map((p, j) => (
                <ProfileBox
                  key={p.key}
                  question={p}
                  value={profileValues[p.key]}
                  disabled={!enabled}
                  inputRef={(el) => {
                    boxes.current[questions.length + j] = el;
                  }}
                  onTyped={(key) => {
                    const option = optionFromKey(key, p.options);
                    if (!option) return;
                    setProfileValues((prev) => ({ ...prev, [p.key]: option.value }));
                    focusBox(questions.length + j + 1);
                  }}
                  onKeyDown={(e) =>
                    onBoxKey(
                      questions.length + j,
                      e,
                      (key) => {
                        const option = optionFromKey(key, p.options);
                        if (!option) return false;
                        setProfileValues((prev) => ({ ...prev, [p.key]: option.value }));
                        return true;
                      },
                      () => setProfileValues((prev) => ({ ...prev, [p.key]: undefined })),
                    )
                  }
                />
              ))}
            </SimpleGrid>
            <TextInput
              ref={(el) => {
                boxes.current[boxCount] = el;
              }}
              label={t('sipas.paper.suggestion')}
              value={suggestion}
              onChange={(e) => setSuggestion(e.currentTarget.value)}
              maxLength={questionnaire.suggestion.maxLength}
              autoComplete="off"
              disabled={!enabled}
            />
            {problem ? (
              <Alert color="red" variant="light" role="alert">
                {problem}
              </Alert>
            ) : null}
            <ErrorAlert error={enter.error} />
            <Group>
              <Button type="submit" loading={enter.isPending} disabled={!enabled}>
                {t('sipas.paper.save')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('sipas.paper.enterHint')}
              </Text>
            </Group>
          </Stack>
        </Paper>
      </form>

      {last ? (
        <Alert color="green" variant="light" role="status">
          {t('sipas.paper.saved', { serial: last.serial, receipt: last.receipt })}
        </Alert>
      ) : null}
      {saved.length > 0 ? (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            {t('sipas.paper.recent')}
          </Title>
          <Table.ScrollContainer minWidth={480}>
            <Table aria-label={t('sipas.paper.recent')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('sipas.paper.serial')}</Table.Th>
                  <Table.Th scope="col">{t('sipas.fields.unit')}</Table.Th>
                  <Table.Th scope="col">{t('sipas.fields.field')}</Table.Th>
                  <Table.Th scope="col">{t('sipas.paper.receipt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {saved.slice(0, 20).map((s) => (
                  <Table.Tr key={s.receipt}>
                    <Table.Td>{s.serial}</Table.Td>
                    <Table.Td>{s.unit}</Table.Td>
                    <Table.Td>{s.field}</Table.Td>
                    <Table.Td>{s.receipt}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
    </Stack>
  );
}

function ProfileBox({
  question,
  value,
  disabled,
  inputRef,
  onKeyDown,
  onTyped,
}: {
  question: ProfileQuestion;
  value: string | undefined;
  disabled: boolean;
  inputRef: (el: HTMLInputElement | null) => void;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  onTyped: (key: string) => void;
}) {
  const { t } = useTranslation();
  const index = question.options.findIndex((o) => o.value === value);
  const chosen = index >= 0 ? question.options[index] : undefined;
  const hint = question.options.map((o, i) => `${i + 1} ${o.label}`).join(' · ');
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <input
        ref={inputRef}
        style={boxStyle}
        inputMode="numeric"
        autoComplete="off"
        aria-label={t('sipas.paper.profileLabel', { text: question.text, options: hint })}
        value={index >= 0 ? String(index + 1) : ''}
        onChange={(e) => onTyped(e.currentTarget.value.slice(-1))}
        onKeyDown={onKeyDown}
        disabled={disabled}
      />
      <Text size="sm" style={{ minWidth: 0 }}>
        <Text span fw={600}>
          {question.text}
          {question.required ? ' *' : ''}
        </Text>{' '}
        <Text span c={chosen ? undefined : 'dimmed'} size="xs">
          {chosen ? chosen.label : hint}
        </Text>
      </Text>
    </Group>
  );
}
