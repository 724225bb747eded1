/**
 * Respondents: a list pasted from a spreadsheet or read from a CSV/XLSX file in the browser, checked
 * (required columns and cells, groups of the questionnaires), then sent at once; every refusal, the
 * server's included, is shown with the row and column of the list. The list read stays on screen,
 * counted per group.
 */
import {
  Alert,
  Button,
  FileInput,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@domain/access.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FileProblemsAlert } from '../../components/FileProblemsAlert.tsx';
import { ApiError, type ApiErrorDetail } from '../../lib/api-client.ts';
import { useUnitKinds } from '../../lib/units.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { surveyApi, type Survey } from './api.ts';
import { useSurveyMutation } from './hooks.ts';
import { SavedRespondents } from './SavedRespondents.tsx';
import { ResponsiveTable } from './shared.tsx';
import {
  readTableFile,
  respondentsFromTable,
  toTable,
  parseDelimited,
  type RespondentField,
  type RespondentRow,
} from './table.ts';

interface Read {
  rows: RespondentRow[];
  columns: Record<RespondentField, string | null>;
}

export function RespondentsSection({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const id = survey.campaignId;
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [read, setRead] = useState<Read | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const groups = useMemo(() => {
    const out = new Map<string, string>();
    for (const k of survey.unitKinds)
      for (const g of k.questionnaire?.design.groups ?? []) out.set(g.code, g.name);
    return out;
  }, [survey.unitKinds]);
  const add = useSurveyMutation(id, (rows: RespondentRow[]) =>
    surveyApi.addRespondents(
      id,
      rows.map((r) => ({
        code: r.code,
        group: r.group,
        fullName: r.fullName,
        unitCode: r.unitCode || null,
        email: r.email || null,
      })),
    ),
  );
  const editable = survey.status !== 'closed';

  /** Reads the table, checks what can be checked here, and sends it. */
  const submit = async (source: 'text' | 'file') => {
    setProblem(null);
    add.reset();
    let table;
    try {
      table = source === 'file' && file ? await readTableFile(file) : toTable(parseDelimited(text));
    } catch {
      setProblem(new ApiError(400, 'unreadable', t('socialSurvey.respondents.unreadable')));
      return;
    }
    const { rows, missing, columns } = respondentsFromTable(table);
    if (missing.length > 0) {
      setProblem(
        new ApiError(
          400,
          'columns',
          t('socialSurvey.respondents.missingColumns', { columns: missing.join(', ') }),
        ),
      );
      return;
    }
    if (rows.length === 0) {
      setProblem(new ApiError(400, 'empty', t('socialSurvey.respondents.empty')));
      return;
    }
    const located: ApiErrorDetail[] = [];
    for (const r of rows)
      for (const f of ['code', 'group', 'fullName'] as const)
        if (r[f] === '')
          located.push({
            row: r.row,
            column: columns[f] ?? f,
            message: t('socialSurvey.respondents.blank'),
          });
    if (located.length > 0) {
      setProblem(
        new ApiError(
          400,
          'rows',
          t('socialSurvey.respondents.refused', { count: located.length }),
          located,
        ),
      );
      return;
    }
    setRead({ rows, columns });
    add.mutate(rows, {
      onError: (error) => {
        // "respondents.3.group" → the row and column of the list.
        if (!(error instanceof ApiError)) return;
        setProblem(
          new ApiError(
            error.status,
            error.code,
            error.message,
            error.details.map((d) => {
              const m = /^respondents\.(\d+)\.(\w+)$/.exec(d.field ?? '');
              const row = m ? rows[Number(m[1])] : undefined;
              if (!m || !row) return d;
              const field = m[2] as RespondentField;
              return { row: row.row, column: columns[field] ?? field, message: d.message };
            }),
          ),
        );
      },
    });
  };

  const counts = read
    ? [...new Set(read.rows.map((r) => r.group))].map((g) => ({
        group: g,
        name: groups.get(g) ?? g,
        count: read.rows.filter((r) => r.group === g).length,
      }))
    : [];

  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="respondents-title">
        <Stack gap="sm">
          <Title order={3} size="h4" id="respondents-title">
            {t('socialSurvey.respondents.title')}
          </Title>
          <Text size="sm">{t('socialSurvey.respondents.intro')}</Text>
          <Text size="sm">{t('socialSurvey.respondents.columns')}</Text>
          <Text size="sm">
            {groups.size === 0
              ? t('socialSurvey.respondents.noGroups')
              : t('socialSurvey.respondents.groups', {
                  groups: [...groups].map(([c, n]) => `${c} (${n})`).join('; '),
                })}
          </Text>
          {!editable ? (
            <Alert color="gray" variant="light">
              {t('socialSurvey.respondents.closed')}
            </Alert>
          ) : (
            <>
              <Group align="flex-end" gap="sm">
                <FileInput
                  label={t('socialSurvey.respondents.file')}
                  placeholder={t('socialSurvey.chooseFile')}
                  accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  value={file}
                  onChange={setFile}
                  clearable
                  w={{ base: '100%', sm: 380 }}
                />
                <Button
                  disabled={!file}
                  loading={add.isPending}
                  onClick={() => void submit('file')}
                >
                  {t('socialSurvey.respondents.addFile')}
                </Button>
              </Group>
              <Textarea
                label={t('socialSurvey.respondents.paste')}
                description={t('socialSurvey.respondents.pasteHint')}
                autosize
                minRows={4}
                maxRows={12}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                styles={{ input: { fontFamily: 'monospace' } }}
              />
              <Group>
                <Button
                  variant="light"
                  disabled={text.trim() === ''}
                  loading={add.isPending}
                  onClick={() => void submit('text')}
                >
                  {t('socialSurvey.respondents.addText')}
                </Button>
              </Group>
            </>
          )}
          {add.data ? (
            <Alert color="green" variant="light" role="status">
              {t('socialSurvey.respondents.added', { added: add.data.added, kept: add.data.kept })}
            </Alert>
          ) : null}
          <FileProblemsAlert error={problem} title={t('socialSurvey.respondents.refusedTitle')} />
        </Stack>
      </Paper>
      {editable ? <FromAccounts id={id} groups={groups} /> : null}
      <SavedRespondents survey={survey} />
      {read && add.data ? (
        <Paper withBorder p="md" component="section" aria-labelledby="respondents-list-title">
          <Stack gap="sm">
            <Title order={3} size="h4" id="respondents-list-title">
              {t('socialSurvey.respondents.listTitle')}
            </Title>
            <Text size="sm">
              {counts.map((c) => t('socialSurvey.respondents.count', c)).join('; ')}
            </Text>
            {counts.map((c) => (
              <Stack key={c.group} gap={4}>
                <Title order={4} size="h5">
                  {c.name}
                </Title>
                <ResponsiveTable
                  label={t('socialSurvey.respondents.ofGroup', { group: c.name })}
                  rows={read.rows.filter((r) => r.group === c.group)}
                  rowKey={(r) => r.code}
                  columns={[
                    {
                      key: 'code',
                      label: t('socialSurvey.respondents.code'),
                      render: (r) => r.code,
                    },
                    {
                      key: 'name',
                      label: t('socialSurvey.respondents.name'),
                      render: (r) => r.fullName,
                      title: true,
                    },
                    {
                      key: 'unit',
                      label: t('socialSurvey.respondents.unit'),
                      render: (r) => r.unitCode || '—',
                    },
                    {
                      key: 'email',
                      label: t('socialSurvey.respondents.email'),
                      render: (r) => r.email || '—',
                    },
                  ]}
                />
              </Stack>
            ))}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}

/**
 * Respondents drawn from the product's accounts (ADR 45): the active accounts holding one of the
 * roles on a unit taking part, or, with a unit kind, on a unit of that kind in the province.
 */
function FromAccounts({ id, groups }: { id: number; groups: Map<string, string> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { kinds, kindName } = useUnitKinds(language);
  const [group, setGroup] = useState<string | null>(null);
  const [roles, setRoles] = useState<Role[]>([]);
  const [unitKind, setUnitKind] = useState<string | null>(null);
  const add = useSurveyMutation(id, () =>
    surveyApi.addFromAccounts(id, {
      group: group ?? '',
      roles,
      ...(unitKind ? { unitKind } : {}),
    }),
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="from-accounts-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="from-accounts-title">
          {t('socialSurvey.fromAccounts.title')}
        </Title>
        <Text size="sm">{t('socialSurvey.fromAccounts.intro')}</Text>
        <Group align="flex-end" gap="sm">
          <Select
            label={t('socialSurvey.fromAccounts.group')}
            data={[...groups].map(([code, name]) => ({ value: code, label: `${name} (${code})` }))}
            value={group}
            onChange={setGroup}
            required
            w={{ base: '100%', sm: 280 }}
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            label={t('socialSurvey.fromAccounts.roles')}
            data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            value={roles}
            onChange={(next) => setRoles(ROLES.filter((r) => next.includes(r)))}
            required
            w={{ base: '100%', sm: 360 }}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('socialSurvey.fromAccounts.unitKind')}
            description={t('socialSurvey.fromAccounts.unitKindHint')}
            placeholder={t('socialSurvey.fromAccounts.unitKindNone')}
            data={kinds.map((k) => ({ value: k.code, label: kindName(k.code) }))}
            value={unitKind}
            onChange={setUnitKind}
            clearable
            w={{ base: '100%', sm: 280 }}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        <Group>
          <Button
            disabled={!group || roles.length === 0}
            loading={add.isPending}
            onClick={() => {
              add.reset();
              add.mutate(undefined);
            }}
          >
            {t('socialSurvey.fromAccounts.submit')}
          </Button>
        </Group>
        {add.data ? (
          <Alert color="green" variant="light" role="status">
            {t('socialSurvey.fromAccounts.added', { added: add.data.added, kept: add.data.kept })}
          </Alert>
        ) : null}
        <ErrorAlert error={add.error} title={t('socialSurvey.fromAccounts.refusedTitle')} />
      </Stack>
    </Paper>
  );
}
