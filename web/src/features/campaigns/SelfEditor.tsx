/**
 * One leaf of the self-assessment: the rule's inputs as the server describes them (score, yes/no,
 * rate as numerator and denominator, count, date or "not issued", not applicable), the explanation
 * and the evidence. Saves itself a moment after each change, shows "saved" and the computed score
 * with its working, and on a concurrent edit shows the server's 409 message with a way to load the
 * newer version.
 */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import type { RuleInputDescriptor } from '@domain/scoring/rules.ts';
import { useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api-client.ts';
import {
  campaignApi,
  type EntryProblem,
  type InputValue,
  type Inputs,
  type SelfEntryInput,
  type SheetNode,
} from './api.ts';
import { EvidenceField } from './Evidence.tsx';
import { parsePoints, points, pointsInput } from './format.ts';

const NA = 'notApplicable';

/** What the user typed, per input key (numbers stay text until saved). */
type Draft = Record<string, string | boolean | null>;

function draftOf(inputs: RuleInputDescriptor[], saved: Inputs | null): Draft {
  const draft: Draft = {};
  for (const d of inputs) {
    const v: InputValue | undefined = saved?.[d.key];
    switch (d.type) {
      case 'score':
        draft[d.key] = typeof v === 'number' ? pointsInput(v) : '';
        break;
      case 'count':
        draft[d.key] = typeof v === 'number' ? String(v) : '';
        break;
      case 'rate':
        draft[`${d.key}.numerator`] = v && typeof v === 'object' ? String(v.numerator) : '';
        draft[`${d.key}.denominator`] = v && typeof v === 'object' ? String(v.denominator) : '';
        break;
      case 'date':
        draft[d.key] =
          v === null && saved && d.key in saved ? null : typeof v === 'string' ? v : '';
        break;
      case 'boolean':
        draft[d.key] = typeof v === 'boolean' ? v : d.optional ? false : null;
        break;
    }
  }
  return draft;
}

const intOf = (text: string): number | null =>
  /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;

/** The inputs to send, or the keys that are missing or not numbers. */
function inputsOf(
  descriptors: RuleInputDescriptor[],
  draft: Draft,
):
  | { ok: true; inputs: SelfEntryInput['inputs'] }
  | { ok: false; missing: string[]; invalid: string[] } {
  if (draft[NA] === true) return { ok: true, inputs: { [NA]: true } };
  const inputs: SelfEntryInput['inputs'] = {};
  const missing: string[] = [];
  const invalid: string[] = [];
  for (const d of descriptors) {
    const v = draft[d.key];
    switch (d.type) {
      case 'score': {
        const text = typeof v === 'string' ? v : '';
        if (text.trim() === '') missing.push(d.key);
        else {
          const n = parsePoints(text);
          if (n === null) invalid.push(d.key);
          else inputs[d.key] = n;
        }
        break;
      }
      case 'count': {
        const text = typeof v === 'string' ? v : '';
        if (text.trim() === '') missing.push(d.key);
        else {
          const n = intOf(text);
          if (n === null) invalid.push(d.key);
          else inputs[d.key] = n;
        }
        break;
      }
      case 'rate': {
        const num = String(draft[`${d.key}.numerator`] ?? '');
        const den = String(draft[`${d.key}.denominator`] ?? '');
        if (num.trim() === '' || den.trim() === '') missing.push(d.key);
        else {
          const a = intOf(num);
          const b = intOf(den);
          if (a === null || b === null) invalid.push(d.key);
          else inputs[d.key] = { numerator: a, denominator: b };
        }
        break;
      }
      case 'date':
        if (v === null) inputs[d.key] = null;
        else if (typeof v === 'string' && v !== '') inputs[d.key] = v;
        else missing.push(d.key);
        break;
      case 'boolean':
        if (typeof v === 'boolean') inputs[d.key] = v;
        else if (!d.optional) missing.push(d.key);
        break;
    }
  }
  return missing.length || invalid.length ? { ok: false, missing, invalid } : { ok: true, inputs };
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'incomplete'; missing: string[]; invalid: string[] }
  | { kind: 'conflict'; message: string }
  | { kind: 'error'; error: unknown };

/** The label of an input in the user's language (the server's Vietnamese label as fallback). */
export function useInputLabel() {
  const { t, i18n } = useTranslation();
  return (d: RuleInputDescriptor, nodeKind: string): string => {
    if (i18n.language === 'vi') return d.label;
    switch (d.key) {
      case 'score':
        return t('campaigns.inputs.score');
      case 'achieved':
        return t('campaigns.inputs.achieved');
      case 'rate':
        return t('campaigns.inputs.rate');
      case 'incidents':
        return t('campaigns.inputs.incidents');
      case 'issuedOn':
        return t('campaigns.inputs.issuedOn');
      case 'items':
        return nodeKind === 'penalty'
          ? t('campaigns.inputs.penaltyItems')
          : t('campaigns.inputs.bonusItems');
      case NA:
        return t('campaigns.inputs.notApplicable');
      default:
        return d.label;
    }
  };
}

interface SelfEditorProps {
  campaignId: number;
  unitId: number;
  node: SheetNode;
  /** Called after each save, so the sheet's progress catches up. */
  onSaved: () => void;
  /** Reloads the sheet and starts this editor again from the server's version. */
  onReload: () => void;
}

/** The editable self-assessment of one leaf, saved automatically. */
export function SelfEditor({ campaignId, unitId, node, onSaved, onReload }: SelfEditorProps) {
  const { t } = useTranslation();
  const labelOf = useInputLabel();
  const entry = node.entry;
  const [draft, setDraft] = useState<Draft>(() => draftOf(node.inputs, entry?.self.inputs ?? null));
  const [explanation, setExplanation] = useState(entry?.self.explanation ?? '');
  const [evidence, setEvidence] = useState<number[]>(
    (entry?.self.evidence ?? []).map(Number).filter((n) => Number.isInteger(n)),
  );
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [computed, setComputed] = useState<{ score: number | 'na' | null; working: string | null }>(
    {
      score: entry?.self.notApplicable ? 'na' : (entry?.self.score ?? null),
      working: entry?.self.working ?? null,
    },
  );
  const [problems, setProblems] = useState<EntryProblem[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  // The latest values and the version to send; saves run one at a time, the last one wins.
  const latest = useRef({ draft, explanation, evidence });
  const version = useRef(entry?.version ?? 0);
  const saving = useRef(false);
  const again = useRef(false);

  const save = async (): Promise<void> => {
    if (saving.current) {
      again.current = true;
      return;
    }
    const { draft: d, explanation: text, evidence: ids } = latest.current;
    const built = inputsOf(node.inputs, d);
    if (!built.ok) {
      setState({ kind: 'incomplete', missing: built.missing, invalid: built.invalid });
      return;
    }
    saving.current = true;
    setState({ kind: 'saving' });
    try {
      const saved = await campaignApi.saveSelf(campaignId, unitId, node.code, {
        version: version.current,
        inputs: built.inputs,
        explanation: text.trim() === '' ? null : text,
        evidence: ids,
      });
      version.current = saved.version;
      setComputed({ score: saved.score, working: saved.working });
      setProblems(saved.problems);
      setFieldErrors({});
      setState({ kind: 'saved', at: new Date() });
      onSaved();
    } catch (error) {
      if (
        error instanceof ApiError &&
        error.status === 409 &&
        error.code === 'campaign_entry_conflict'
      ) {
        setState({ kind: 'conflict', message: error.message });
      } else {
        if (error instanceof ApiError) {
          const byField: Record<string, string> = {};
          for (const detail of error.details)
            if (detail.field) byField[detail.field] = detail.message;
          setFieldErrors(byField);
        }
        setState({ kind: 'error', error });
      }
    } finally {
      saving.current = false;
      if (again.current) {
        again.current = false;
        void save();
      }
    }
  };
  const saveSoon = useDebouncedCallback(() => void save(), 700);

  const change = (
    next: Partial<{ draft: Draft; explanation: string; evidence: number[] }>,
    now = false,
  ) => {
    latest.current = { ...latest.current, ...next };
    if (next.draft) setDraft(next.draft);
    if (next.explanation !== undefined) setExplanation(next.explanation);
    if (next.evidence) setEvidence(next.evidence);
    setState({ kind: 'pending' });
    if (now) {
      saveSoon.cancel();
      void save();
    } else saveSoon();
  };
  const setValue = (key: string, value: string | boolean | null, now = false) =>
    change({ draft: { ...latest.current.draft, [key]: value } }, now);

  const na = draft[NA] === true;
  const explanationNeeded = evidence.length === 0 && explanation.trim() === '';
  const conflict = state.kind === 'conflict';

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {node.inputs.map((d) => {
          const label = labelOf(d, node.kind);
          const err = fieldErrors[d.key];
          const disabled = conflict || (na && d.key !== NA);
          switch (d.type) {
            case 'score':
              return (
                <TextInput
                  key={d.key}
                  label={label}
                  description={t('campaigns.self.maxHint', {
                    max: points(d.maxHundredths ?? node.maxHundredths),
                  })}
                  inputMode="decimal"
                  value={String(draft[d.key] ?? '')}
                  onChange={(e) => setValue(d.key, e.currentTarget.value)}
                  error={err}
                  disabled={disabled}
                />
              );
            case 'count':
              return (
                <TextInput
                  key={d.key}
                  label={label}
                  inputMode="numeric"
                  value={String(draft[d.key] ?? '')}
                  onChange={(e) => setValue(d.key, e.currentTarget.value)}
                  error={err}
                  disabled={disabled}
                />
              );
            case 'rate':
              return (
                <Group key={d.key} grow align="flex-start" gap="xs" role="group" aria-label={label}>
                  <TextInput
                    label={i18nRate(t, 'numerator', d.numeratorLabel)}
                    inputMode="numeric"
                    value={String(draft[`${d.key}.numerator`] ?? '')}
                    onChange={(e) => setValue(`${d.key}.numerator`, e.currentTarget.value)}
                    error={err}
                    disabled={disabled}
                  />
                  <TextInput
                    label={i18nRate(t, 'denominator', d.denominatorLabel)}
                    inputMode="numeric"
                    value={String(draft[`${d.key}.denominator`] ?? '')}
                    onChange={(e) => setValue(`${d.key}.denominator`, e.currentTarget.value)}
                    disabled={disabled}
                  />
                </Group>
              );
            case 'date':
              return (
                <Stack key={d.key} gap={4}>
                  <TextInput
                    type="date"
                    label={label}
                    value={typeof draft[d.key] === 'string' ? String(draft[d.key]) : ''}
                    onChange={(e) => setValue(d.key, e.currentTarget.value)}
                    disabled={disabled || draft[d.key] === null}
                    error={err}
                  />
                  <Checkbox
                    label={t('campaigns.inputs.notIssued')}
                    checked={draft[d.key] === null}
                    onChange={(e) => setValue(d.key, e.currentTarget.checked ? null : '', true)}
                    disabled={disabled}
                  />
                </Stack>
              );
            case 'boolean':
              return d.optional ? (
                <Checkbox
                  key={d.key}
                  label={label}
                  checked={draft[d.key] === true}
                  onChange={(e) => setValue(d.key, e.currentTarget.checked, true)}
                  disabled={disabled}
                  error={err}
                  mt={d.key === NA ? 'md' : undefined}
                />
              ) : (
                <Radio.Group
                  key={d.key}
                  label={label}
                  value={draft[d.key] === true ? 'yes' : draft[d.key] === false ? 'no' : ''}
                  onChange={(v) => setValue(d.key, v === 'yes', true)}
                  error={err}
                >
                  <Group gap="md" mt={4}>
                    <Radio value="yes" label={t('common.yes')} disabled={disabled} />
                    <Radio value="no" label={t('common.no')} disabled={disabled} />
                  </Group>
                </Radio.Group>
              );
          }
        })}
      </SimpleGrid>

      <ComputedScore score={computed.score} working={computed.working} max={node.maxHundredths} />

      <Textarea
        label={t('campaigns.self.explanation')}
        description={
          explanationNeeded
            ? t('campaigns.self.explanationRequired')
            : t('campaigns.self.explanationHint')
        }
        autosize
        minRows={2}
        value={explanation}
        onChange={(e) => change({ explanation: e.currentTarget.value })}
        error={fieldErrors.explanation}
        disabled={conflict}
      />
      <EvidenceField
        unitId={unitId}
        ids={evidence}
        onChange={(ids) => change({ evidence: ids }, true)}
        label={t('campaigns.self.evidence')}
      />
      {problems.length > 0 ? (
        <Alert color="yellow" variant="light" title={t('campaigns.self.problemsTitle')}>
          <Stack gap={2}>
            {problems.map((p, i) => (
              <Text key={i} size="sm">
                {p.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      <SaveStatus
        state={state}
        labelOf={(key) => {
          const d = node.inputs.find((x) => x.key === key);
          return d ? labelOf(d, node.kind) : key;
        }}
        onReload={onReload}
      />
    </Stack>
  );
}

function i18nRate(t: TFunction, part: 'numerator' | 'denominator', fallback: string): string {
  const text = t(`campaigns.inputs.${part}`);
  return text || fallback;
}

/** The score the rule gives and how. */
export function ComputedScore({
  score,
  working,
  max,
}: {
  score: number | 'na' | null;
  working: string | null;
  max: number;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      <Text size="sm">
        {t('campaigns.self.computed')}:{' '}
        <Text span fw={600}>
          {score === 'na'
            ? t('campaigns.self.notApplicable')
            : score === null
              ? t('common.none')
              : t('campaigns.scoreOfMax', { score: points(score), max: points(max) })}
        </Text>
      </Text>
      {working ? (
        <Text size="xs" c="dimmed">
          {working}
        </Text>
      ) : null}
    </Stack>
  );
}

function SaveStatus({
  state,
  labelOf,
  onReload,
}: {
  state: SaveState;
  labelOf: (key: string) => string;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  switch (state.kind) {
    case 'idle':
      return null;
    case 'pending':
      return (
        <Text size="sm" c="dimmed" role="status">
          {t('campaigns.save.pending')}
        </Text>
      );
    case 'saving':
      return (
        <Text size="sm" c="dimmed" role="status">
          {t('campaigns.save.saving')}
        </Text>
      );
    case 'saved':
      return (
        <Text size="sm" c="green" role="status">
          {t('campaigns.save.saved')}
        </Text>
      );
    case 'incomplete':
      return (
        <Text size="sm" c="orange" role="status">
          {state.invalid.length
            ? t('campaigns.save.invalid', { fields: state.invalid.map(labelOf).join(', ') })
            : t('campaigns.save.incomplete', { fields: state.missing.map(labelOf).join(', ') })}
        </Text>
      );
    case 'conflict':
      return (
        <Alert color="red" variant="light" role="alert" title={t('campaigns.save.conflictTitle')}>
          <Stack gap="xs">
            <Text size="sm">{state.message}</Text>
            <Button
              size="xs"
              variant="light"
              onClick={onReload}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('campaigns.save.reload')}
            </Button>
          </Stack>
        </Alert>
      );
    case 'error':
      return (
        <Alert color="red" variant="light" role="alert" title={t('campaigns.save.failed')}>
          {state.error instanceof Error ? state.error.message : t('errors.crashed')}
        </Alert>
      );
  }
}
