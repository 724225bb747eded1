/**
 * The questionnaire editor: a new version made from the default questionnaire or from a stored
 * one, or an unused version edited in place. Every problem shows under its field while typing; the
 * server's answer to a save lands on the same fields. A version a survey uses is never changed:
 * the editor then only offers "save as a new version".
 *
 * Keyboard: every control is reachable with Tab; on a question, Alt+↑/↓ moves it within its
 * element and Alt+Enter adds a question right after it.
 */
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  DEFAULT_QUESTIONNAIRE,
  ELEMENT_IDS,
  ELEMENT_NAMES,
  type ElementId,
} from '@domain/sipas/questionnaire.ts';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { SuccessNotice } from '../../components/SuccessNotice.tsx';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { sipasApi, type QuestionnaireView } from './api.ts';
import { useQuestionnaires, useSipasMutation } from './hooks.ts';
import { SipasCrumbs } from './parts.tsx';
import {
  addElement,
  addProfile,
  addQuestion,
  draftProblems,
  fromDraft,
  missingElements,
  missingProfile,
  moveItem,
  moveQuestion,
  newKey,
  nextVersion,
  removeQuestion,
  toDraft,
  updateProfile,
  updateQuestion,
  type DraftElement,
  type DraftQuestion,
  type QuestionnaireDraft,
} from './questionnaire-edit.ts';

/** Route element: `/sipas/questionnaires/new?from=<id>` and `/sipas/questionnaires/:questionnaireId/edit`. */
export function QuestionnaireEditorPage() {
  const { t } = useTranslation();
  const params = useParams();
  const [search] = useSearchParams();
  const editId = params['questionnaireId'] ? Number(params['questionnaireId']) : null;
  const fromId = search.get('from') ? Number(search.get('from')) : null;
  const list = useQuestionnaires();
  usePageTitle(editId === null ? t('sipas.editor.titleNew') : t('sipas.questionnaires.edit'));
  if (list.isLoading) return <LoadingState />;
  if (list.error || !list.data) return <ErrorAlert error={list.error} />;
  const all = list.data.items;
  const source = all.find((q) => q.id === (editId ?? fromId)) ?? null;
  if ((editId !== null || fromId !== null) && !source) {
    return <ErrorAlert error={new Error(t('errors.notFoundPage'))} />;
  }
  return (
    <Editor
      key={`${editId ?? 'new'}:${source?.id ?? 'default'}:${source?.updatedAt ?? ''}`}
      source={source}
      editing={editId !== null && source !== null && !source.inUse ? source : null}
      all={all}
    />
  );
}

interface EditorProps {
  /** What the draft starts from (null: the default questionnaire). */
  source: QuestionnaireView | null;
  /** The stored version being edited in place (unused by any survey), if any. */
  editing: QuestionnaireView | null;
  all: QuestionnaireView[];
}

function Editor({ source, editing, all }: EditorProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [draft, setDraft] = useState<QuestionnaireDraft>(() => {
    const d = toDraft(source?.document ?? DEFAULT_QUESTIONNAIRE);
    if (editing) return d;
    const taken = all.filter((q) => q.code === d.id).map((q) => q.version);
    return { ...d, version: nextVersion(d.version, taken) };
  });
  const [dirty, setDirty] = useState(false);
  const [tried, setTried] = useState(false);
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice ?? null,
  );
  const problems = useMemo(() => draftProblems(draft, t), [draft, t]);

  const save = useSipasMutation((asNew: boolean) =>
    asNew || !editing
      ? sipasApi.createQuestionnaire(fromDraft(draft))
      : sipasApi.updateQuestionnaire(editing.id, fromDraft(draft)),
  );

  // Moving a row re-inserts its inputs, which drops the focus: put it back where it was.
  useEffect(() => {
    if (!pendingFocus) return;
    document.querySelector<HTMLElement>(`[data-focus="${pendingFocus}"]`)?.focus();
    setPendingFocus(null);
  }, [pendingFocus, draft]);

  const change = (next: QuestionnaireDraft) => {
    setDraft(next);
    setDirty(true);
    setNotice(null);
  };

  const serverError = save.error;
  const errorOf = (path: string): string | undefined => {
    const own = problems.get(path);
    if (own) return own;
    if (!(serverError instanceof ApiError)) return undefined;
    if (path === 'version' && serverError.code === 'sipas_questionnaire_taken')
      return serverError.message;
    return serverError.fieldMessage(`document.${path}`);
  };

  const submit = (asNew: boolean) => {
    setTried(true);
    if (problems.size > 0) {
      const first = problems.keys().next().value;
      if (first !== undefined)
        document.querySelector<HTMLElement>(`[data-path="${first}"]`)?.focus();
      return;
    }
    save.mutate(asNew, {
      onSuccess: (saved) => {
        setDirty(false);
        const message = t('sipas.editor.saved', { code: saved.code, version: saved.version });
        // Leave after the blocker has seen the saved state.
        setTimeout(() => {
          void navigate(`/sipas/questionnaires/${saved.id}/edit`, {
            state: { notice: message },
          });
        }, 0);
      },
    });
  };

  const title = editing
    ? t('sipas.editor.titleEdit', { code: editing.code, version: editing.version })
    : t('sipas.editor.titleNew');

  return (
    <Stack pb={80}>
      <SipasCrumbs here={title} />
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{title}</Title>
        <Button component={Link} to="/sipas/questionnaires" variant="default">
          {t('sipas.editor.back')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('sipas.editor.intro')}
      </Text>
      {notice ? <SuccessNotice onClose={() => setNotice(null)}>{notice}</SuccessNotice> : null}
      {source?.inUse ? (
        <Alert color="yellow" variant="light">
          {t('sipas.editor.inUse')}
        </Alert>
      ) : source && !editing ? (
        <Alert color="blue" variant="light">
          {t('sipas.editor.fromSource', { code: source.code, version: source.version })}
        </Alert>
      ) : null}

      <Card withBorder component="section" aria-labelledby="q-general">
        <Title order={3} size="h4" id="q-general" mb="xs">
          {t('sipas.editor.general')}
        </Title>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <TextInput
              label={t('sipas.editor.code')}
              value={draft.id}
              required
              data-path="id"
              error={errorOf('id')}
              onChange={(e) => change({ ...draft, id: e.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 2 }}>
            <TextInput
              label={t('sipas.editor.version')}
              value={draft.version}
              required
              data-path="version"
              error={errorOf('version')}
              onChange={(e) => change({ ...draft, version: e.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <TextInput
              label={t('sipas.editor.name')}
              value={draft.name}
              required
              data-path="name"
              error={errorOf('name')}
              onChange={(e) => change({ ...draft, name: e.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput
              label={t('sipas.editor.basis')}
              value={draft.basis}
              required
              data-path="basis"
              error={errorOf('basis')}
              onChange={(e) => change({ ...draft, basis: e.currentTarget.value })}
            />
          </Grid.Col>
        </Grid>
      </Card>

      <Title order={3} size="h4">
        {t('sipas.editor.elements')}
      </Title>
      {errorOf('elements') ? (
        <Text c="red" size="sm" role="alert">
          {errorOf('elements')}
        </Text>
      ) : null}
      {draft.elements.map((element, i) => (
        <ElementCard
          key={element.key}
          element={element}
          index={i}
          draft={draft}
          t={t}
          errorOf={errorOf}
          change={change}
          focus={setPendingFocus}
        />
      ))}
      {missingElements(draft).length > 0 ? (
        <Group gap="xs">
          {missingElements(draft).map((id) => (
            <Button
              key={id}
              variant="light"
              size="xs"
              onClick={() => change(addElement(draft, id))}
            >
              {t('sipas.editor.addElement')}: {ELEMENT_NAMES[id]}
            </Button>
          ))}
        </Group>
      ) : null}

      <Card withBorder component="section" aria-labelledby="q-overall">
        <Title order={3} size="h4" id="q-overall" mb="xs">
          {t('sipas.editor.overall')}
        </Title>
        <QuestionRow
          question={draft.overall}
          path="overallQuestion"
          t={t}
          errorOf={errorOf}
          onChange={(patch) => change(updateQuestion(draft, null, draft.overall.key, patch))}
        />
      </Card>

      <ProfileCard draft={draft} t={t} errorOf={errorOf} change={change} />

      <Card withBorder component="section" aria-labelledby="q-suggestion">
        <Title order={3} size="h4" id="q-suggestion" mb="xs">
          {t('sipas.editor.suggestion')}
        </Title>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 9 }}>
            <Textarea
              label={t('sipas.editor.suggestionPrompt')}
              value={draft.suggestionPrompt}
              autosize
              minRows={1}
              required
              data-path="suggestion.prompt"
              error={errorOf('suggestion.prompt')}
              onChange={(e) => change({ ...draft, suggestionPrompt: e.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <TextInput
              label={t('sipas.editor.suggestionMax')}
              value={draft.suggestionMax}
              inputMode="numeric"
              required
              data-path="suggestion.maxLength"
              error={errorOf('suggestion.maxLength')}
              onChange={(e) => change({ ...draft, suggestionMax: e.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label={t('sipas.editor.toConfirm')}
              value={draft.toConfirm}
              autosize
              minRows={2}
              onChange={(e) => change({ ...draft, toConfirm: e.currentTarget.value })}
            />
          </Grid.Col>
        </Grid>
      </Card>

      <Paper
        withBorder
        p="sm"
        shadow="sm"
        style={{ position: 'sticky', bottom: 0, zIndex: 5 }}
        component="section"
        aria-label={t('sipas.editor.save')}
      >
        <Stack gap="xs">
          {tried && problems.size > 0 ? (
            <Text c="red" size="sm" role="alert">
              {t('sipas.editor.hasProblems', { count: problems.size })}
            </Text>
          ) : null}
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            {editing ? (
              <>
                <Button
                  variant="default"
                  loading={save.isPending && save.variables === true}
                  onClick={() => submit(true)}
                >
                  {t('sipas.editor.saveAsNew')}
                </Button>
                <Button
                  loading={save.isPending && save.variables === false}
                  onClick={() => submit(false)}
                >
                  {t('sipas.editor.save')}
                </Button>
              </>
            ) : (
              <Button loading={save.isPending} onClick={() => submit(true)}>
                {source?.inUse ? t('sipas.editor.saveAsNew') : t('sipas.editor.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>

      {/* Unsaved changes: ask before leaving the page, and before closing the tab. */}
      <UnsavedChangesGuard
        dirty={dirty}
        title={t('sipas.editor.leaveTitle')}
        message={t('sipas.editor.leaveConfirm')}
        confirmLabel={t('sipas.editor.leave')}
      />
    </Stack>
  );
}

type ErrorOf = (path: string) => string | undefined;

function ElementCard({
  element,
  index,
  draft,
  t,
  errorOf,
  change,
  focus,
}: {
  element: DraftElement;
  index: number;
  draft: QuestionnaireDraft;
  t: TFunction;
  errorOf: ErrorOf;
  change: (d: QuestionnaireDraft) => void;
  focus: (key: string) => void;
}) {
  const at = `elements[${index}]`;
  const headingId = `q-element-${element.key}`;
  const number = ELEMENT_IDS.indexOf(element.id as ElementId) + 1;
  const shownName = element.name || ELEMENT_NAMES[element.id];
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);

  const onKey = (question: DraftQuestion) => (event: KeyboardEvent<HTMLDivElement>) => {
    if (!event.altKey) return;
    const field = (event.target as HTMLElement).getAttribute('data-field') ?? 'text';
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      change(moveQuestion(draft, element.key, question.key, event.key === 'ArrowUp' ? -1 : 1));
      focus(`${question.key}:${field}`);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const added = addQuestion(draft, element.key, question.key);
      change(added.draft);
      focus(`${added.key}:text`);
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group align="flex-end" wrap="nowrap">
          <Title order={4} size="h5" id={headingId} style={{ whiteSpace: 'nowrap' }}>
            {t('sipas.editor.element', { number })}
          </Title>
          <TextInput
            label={t('sipas.editor.elementName')}
            value={element.name}
            required
            style={{ flex: 1 }}
            data-path={`${at}.name`}
            error={errorOf(`${at}.name`)}
            onChange={(e) =>
              change({
                ...draft,
                elements: draft.elements.map((x) =>
                  x.key === element.key ? { ...x, name: e.currentTarget.value } : x,
                ),
              })
            }
          />
          <Button
            variant="subtle"
            color="red"
            size="xs"
            aria-label={t('sipas.editor.removeElement', { name: shownName })}
            onClick={() => setConfirmingRemoval(true)}
          >
            {t('sipas.editor.removeElementShort')}
          </Button>
        </Group>
        <ConfirmDialog
          opened={confirmingRemoval}
          title={t('sipas.editor.removeElementTitle', { name: shownName })}
          message={t('sipas.editor.removeElementConfirm', { count: element.questions.length })}
          confirmLabel={t('sipas.editor.removeElementShort')}
          color="red"
          onClose={() => setConfirmingRemoval(false)}
          onConfirm={() => {
            setConfirmingRemoval(false);
            change({ ...draft, elements: draft.elements.filter((x) => x.key !== element.key) });
          }}
        />
        {element.questions.map((q, j) => (
          <div key={q.key} onKeyDown={onKey(q)} role="group" aria-label={q.id}>
            <QuestionRow
              question={q}
              path={`${at}.questions[${j}]`}
              t={t}
              errorOf={errorOf}
              onChange={(patch) => change(updateQuestion(draft, element.key, q.key, patch))}
              actions={
                <>
                  <ActionIcon
                    variant="default"
                    disabled={j === 0}
                    aria-label={t('sipas.editor.moveUp', { code: q.id })}
                    onClick={() => {
                      change(moveQuestion(draft, element.key, q.key, -1));
                      focus(`${q.key}:text`);
                    }}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    disabled={j === element.questions.length - 1}
                    aria-label={t('sipas.editor.moveDown', { code: q.id })}
                    onClick={() => {
                      change(moveQuestion(draft, element.key, q.key, 1));
                      focus(`${q.key}:text`);
                    }}
                  >
                    ↓
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    color="red"
                    aria-label={t('sipas.editor.removeQuestion', { code: q.id })}
                    onClick={() => change(removeQuestion(draft, element.key, q.key))}
                  >
                    ×
                  </ActionIcon>
                </>
              }
            />
          </div>
        ))}
        <div>
          <Button
            variant="light"
            size="xs"
            data-path={`${at}.questions`}
            onClick={() => {
              const added = addQuestion(draft, element.key);
              change(added.draft);
              focus(`${added.key}:text`);
            }}
          >
            {t('sipas.editor.addQuestion')}
          </Button>
          {errorOf(`${at}.questions`) ? (
            <Text c="red" size="sm" mt={4}>
              {errorOf(`${at}.questions`)}
            </Text>
          ) : null}
        </div>
      </Stack>
    </Card>
  );
}

function QuestionRow({
  question,
  path,
  t,
  errorOf,
  onChange,
  actions,
}: {
  question: DraftQuestion;
  path: string;
  t: TFunction;
  errorOf: ErrorOf;
  onChange: (patch: Partial<Omit<DraftQuestion, 'key'>>) => void;
  actions?: ReactNode;
}) {
  return (
    <Group align="flex-start" wrap="nowrap" gap="xs">
      <TextInput
        aria-label={t('sipas.editor.questionCode')}
        value={question.id}
        w={88}
        data-path={`${path}.id`}
        data-focus={`${question.key}:id`}
        data-field="id"
        error={errorOf(`${path}.id`)}
        onChange={(e) => onChange({ id: e.currentTarget.value })}
      />
      <Textarea
        aria-label={t('sipas.editor.questionText', { code: question.id })}
        value={question.text}
        autosize
        minRows={1}
        style={{ flex: 1 }}
        data-path={`${path}.text`}
        data-focus={`${question.key}:text`}
        data-field="text"
        error={errorOf(`${path}.text`)}
        onChange={(e) => onChange({ text: e.currentTarget.value })}
      />
      <Stack gap={4} pt={6} style={{ flexShrink: 0 }}>
        <Checkbox
          size="xs"
          label={t('sipas.editor.questionRequired')}
          checked={question.required}
          onChange={(e) => onChange({ required: e.currentTarget.checked })}
        />
        <Checkbox
          size="xs"
          label={t('sipas.editor.allowNoAnswer')}
          checked={question.allowNoAnswer}
          onChange={(e) => onChange({ allowNoAnswer: e.currentTarget.checked })}
        />
      </Stack>
      {actions ? (
        <Group gap={4} wrap="nowrap" pt={2}>
          {actions}
        </Group>
      ) : null}
    </Group>
  );
}

function ProfileCard({
  draft,
  t,
  errorOf,
  change,
}: {
  draft: QuestionnaireDraft;
  t: TFunction;
  errorOf: ErrorOf;
  change: (d: QuestionnaireDraft) => void;
}) {
  return (
    <Card withBorder component="section" aria-labelledby="q-profile">
      <Stack gap="sm">
        <Title order={3} size="h4" id="q-profile">
          {t('sipas.editor.profile')}
        </Title>
        {draft.profile.map((p, i) => {
          const at = `profile[${i}]`;
          const name = t(`sipas.editor.profileKeys.${p.profileKey}`);
          const update = (fn: (x: typeof p) => typeof p) => change(updateProfile(draft, p.key, fn));
          return (
            <Paper key={p.key} withBorder p="xs" component="fieldset" style={{ margin: 0 }}>
              <Text component="legend" fw={500} size="sm" px={4}>
                {name}
              </Text>
              <Stack gap="xs">
                <Group align="flex-end" wrap="nowrap">
                  <TextInput
                    label={t('sipas.editor.profileText')}
                    value={p.text}
                    required
                    style={{ flex: 1 }}
                    data-path={`${at}.text`}
                    error={errorOf(`${at}.text`)}
                    onChange={(e) => {
                      const text = e.currentTarget.value;
                      update((x) => ({ ...x, text }));
                    }}
                  />
                  <Checkbox
                    mb={8}
                    label={t('sipas.editor.questionRequired')}
                    checked={p.required}
                    onChange={(e) => {
                      const required = e.currentTarget.checked;
                      update((x) => ({ ...x, required }));
                    }}
                  />
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    mb={4}
                    onClick={() =>
                      change({ ...draft, profile: draft.profile.filter((x) => x.key !== p.key) })
                    }
                  >
                    {t('sipas.editor.removeProfile', { name })}
                  </Button>
                </Group>
                {p.options.map((o, j) => {
                  const oAt = `${at}.options[${j}]`;
                  const setOption = (patch: { value?: string; label?: string }) =>
                    update((x) => ({
                      ...x,
                      options: x.options.map((y) => (y.key === o.key ? { ...y, ...patch } : y)),
                    }));
                  return (
                    <Group key={o.key} align="flex-start" wrap="nowrap" gap="xs" pl="md">
                      <TextInput
                        aria-label={t('sipas.editor.optionCode')}
                        value={o.value}
                        w={150}
                        data-path={`${oAt}.value`}
                        error={errorOf(`${oAt}.value`)}
                        onChange={(e) => setOption({ value: e.currentTarget.value })}
                      />
                      <TextInput
                        aria-label={t('sipas.editor.optionLabel')}
                        value={o.label}
                        style={{ flex: 1 }}
                        data-path={`${oAt}.label`}
                        error={errorOf(`${oAt}.label`)}
                        onChange={(e) => setOption({ label: e.currentTarget.value })}
                      />
                      <ActionIcon
                        variant="default"
                        disabled={j === 0}
                        aria-label={t('sipas.editor.moveOptionUp', { code: o.value })}
                        onClick={() =>
                          update((x) => ({ ...x, options: moveItem(x.options, o.key, -1) }))
                        }
                      >
                        ↑
                      </ActionIcon>
                      <ActionIcon
                        variant="default"
                        aria-label={t('sipas.editor.removeOption', { code: o.value })}
                        onClick={() =>
                          update((x) => ({
                            ...x,
                            options: x.options.filter((y) => y.key !== o.key),
                          }))
                        }
                      >
                        ×
                      </ActionIcon>
                    </Group>
                  );
                })}
                <div>
                  <Button
                    variant="light"
                    size="xs"
                    ml="md"
                    data-path={`${at}.options`}
                    onClick={() =>
                      update((x) => ({
                        ...x,
                        options: [...x.options, { key: newKey(), value: '', label: '' }],
                      }))
                    }
                  >
                    {t('sipas.editor.addOption')}
                  </Button>
                  {errorOf(`${at}.options`) ? (
                    <Text c="red" size="sm" mt={4}>
                      {errorOf(`${at}.options`)}
                    </Text>
                  ) : null}
                </div>
              </Stack>
            </Paper>
          );
        })}
        {missingProfile(draft).length > 0 ? (
          <Group gap="xs">
            {missingProfile(draft).map((key) => (
              <Button
                key={key}
                variant="light"
                size="xs"
                onClick={() => change(addProfile(draft, key))}
              >
                {t('sipas.editor.addProfile')}: {t(`sipas.editor.profileKeys.${key}`)}
              </Button>
            ))}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
