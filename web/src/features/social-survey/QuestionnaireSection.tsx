/**
 * The questionnaire of each unit kind of the campaign: a readable summary of its design (survey
 * nodes, scale, method, respondent groups and weights, questions, rating rules), its version, the
 * Excel download and the upload of an edited Excel (refusals by sheet, row and column). A kind
 * without a questionnaire can start from a sample design worth the set's survey points, edited in Excel.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FileProblemsAlert } from '../../components/FileProblemsAlert.tsx';
import { useUnitKinds } from '../../lib/units.ts';
import { useLanguage } from '../../lib/use-language.ts';
import {
  questionnaireXlsxUrl,
  surveyApi,
  type Survey,
  type SurveyDesign,
  type SurveyKind,
} from './api.ts';
import { useSurveyMutation } from './hooks.ts';
import { pct, pts, ResponsiveTable } from './shared.tsx';

/** A first design to edit: one node worth all the survey points, two groups, three questions. */
export function sampleDesign(t: TFunction, maxHundredths: number): SurveyDesign {
  const s = (k: string) => t(`socialSurvey.sample.${k}` as never) as string;
  return {
    method: 'favourable',
    scale: {
      levels: [
        { code: '1', label: s('level1'), valueHundredths: 0 },
        { code: '2', label: s('level2'), valueHundredths: 2500 },
        { code: '3', label: s('level3'), valueHundredths: 5000 },
        { code: '4', label: s('level4'), valueHundredths: 7500 },
        { code: '5', label: s('level5'), valueHundredths: 10000 },
      ],
      excluded: [{ code: '0', label: s('level0') }],
      favourable: ['4', '5'],
    },
    nodes: [{ code: 'DT1', title: s('node'), maxHundredths, source: 'questions' }],
    groups: [
      { code: 'LD', name: s('groupLeaders'), weight: 2 },
      { code: 'ND', name: s('groupCitizens'), weight: 1 },
    ],
    questions: [
      { code: 'Q1', text: s('q1'), nodes: ['DT1'], groups: ['LD', 'ND'] },
      { code: 'Q2', text: s('q2'), nodes: ['DT1'], groups: ['LD', 'ND'] },
      { code: 'Q3', text: s('q3'), nodes: ['DT1'], groups: ['LD'] },
    ],
    rules: [
      { group: 'LD', raterKind: '', scope: 'province', sampleSize: 1 },
      { group: 'ND', raterKind: '', scope: 'province', sampleSize: 5 },
    ],
  };
}

export function QuestionnaireSection({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  if (survey.unitKinds.length === 0)
    return <Text size="sm">{t('socialSurvey.questionnaire.noKinds')}</Text>;
  return (
    <Stack>
      <Text size="sm">{t('socialSurvey.questionnaire.intro')}</Text>
      {survey.status !== 'draft' ? (
        <Alert color="gray" variant="light">
          {t('socialSurvey.questionnaire.locked')}
        </Alert>
      ) : null}
      {survey.unitKinds.map((k) => (
        <KindQuestionnaire key={k.unitKind} survey={survey} kind={k} />
      ))}
    </Stack>
  );
}

function KindQuestionnaire({ survey, kind }: { survey: Survey; kind: SurveyKind }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { kindName } = useUnitKinds(language);
  const id = survey.campaignId;
  const [file, setFile] = useState<File | null>(null);
  const draft = survey.status === 'draft';
  const q = kind.questionnaire;
  const start = useSurveyMutation(id, () =>
    surveyApi.saveQuestionnaire(
      id,
      kind.unitKind,
      sampleDesign(t, kind.surveyMaxHundredths ?? 0),
      null,
    ),
  );
  const upload = useSurveyMutation(id, (f: File) =>
    surveyApi.importQuestionnaire(id, kind.unitKind, f),
  );
  const titleId = `questionnaire-${kind.unitKind}`;
  const name = kindName(kind.unitKind);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={3} size="h4" id={titleId}>
            {t('socialSurvey.questionnaire.kindTitle', { kind: name })}
          </Title>
          {q ? (
            <Badge variant="light">
              {t('socialSurvey.questionnaire.version', { version: q.version })}
            </Badge>
          ) : (
            <Badge variant="light" color="orange">
              {t('socialSurvey.questionnaire.none')}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {t('socialSurvey.questionnaire.set', { set: kind.criteriaSetName })}
          {' · '}
          {kind.surveyMaxHundredths === null
            ? t('socialSurvey.questionnaire.noSurveyPoints')
            : t('socialSurvey.questionnaire.surveyMax', { max: pts(kind.surveyMaxHundredths) })}
        </Text>
        {kind.surveyMaxHundredths !== null ? (
          <Group gap="md" align="flex-end">
            {q ? (
              <Anchor href={questionnaireXlsxUrl(id, kind.unitKind)}>
                {t('socialSurvey.questionnaire.download', { kind: name })}
              </Anchor>
            ) : draft ? (
              <Button
                variant="light"
                loading={start.isPending}
                onClick={() => start.mutate(undefined)}
              >
                {t('socialSurvey.questionnaire.sample', { kind: name })}
              </Button>
            ) : null}
          </Group>
        ) : null}
        <ErrorAlert error={start.error} />
        {draft && kind.surveyMaxHundredths !== null ? (
          <Stack gap="xs">
            <Group align="flex-end" gap="sm">
              <FileInput
                label={t('socialSurvey.questionnaire.upload', { kind: name })}
                description={t('socialSurvey.questionnaire.uploadHint')}
                placeholder={t('socialSurvey.chooseFile')}
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                value={file}
                onChange={(f) => {
                  setFile(f);
                  upload.reset();
                }}
                w={{ base: '100%', sm: 380 }}
                clearable
              />
              <Button
                disabled={!file}
                loading={upload.isPending}
                onClick={() => file && upload.mutate(file)}
              >
                {t('socialSurvey.questionnaire.import')}
              </Button>
            </Group>
            {upload.data ? (
              <Text c="green.8" size="sm" role="status">
                {t('socialSurvey.questionnaire.imported', { version: upload.data.version })}
              </Text>
            ) : null}
            <FileProblemsAlert
              error={upload.error}
              title={t('socialSurvey.questionnaire.refused')}
            />
          </Stack>
        ) : null}
        {q ? <DesignSummary design={q.design} kind={kind.unitKind} /> : null}
      </Stack>
    </Paper>
  );
}

/** The design in words and tables. */
export function DesignSummary({ design, kind }: { design: SurveyDesign; kind: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { kindName } = useUnitKinds(language);
  const groupName = (code: string) => design.groups.find((g) => g.code === code)?.name ?? code;
  const nodeTitle = (code: string) => {
    const n = design.nodes.find((x) => x.code === code);
    return n ? `${n.code} – ${n.title}` : code;
  };
  const fav = new Set(design.scale.favourable);
  const sub = (key: string) => (
    <Title order={4} size="h5" mt="xs">
      {t(`socialSurvey.design.${key}` as never)}
    </Title>
  );
  return (
    <Stack gap="xs" data-testid={`design-${kind}`}>
      <Text size="sm">
        <Text span fw={600} size="sm">
          {t('socialSurvey.design.method')}:
        </Text>{' '}
        {t(`socialSurvey.design.methods.${design.method}`)}
      </Text>
      {sub('nodes')}
      <ResponsiveTable
        label={t('socialSurvey.design.nodes')}
        rows={design.nodes}
        rowKey={(n) => n.code}
        columns={[
          { key: 'code', label: t('socialSurvey.design.code'), render: (n) => n.code },
          {
            key: 'title',
            label: t('socialSurvey.design.nodeTitle'),
            render: (n) => n.title,
            title: true,
          },
          { key: 'max', label: t('socialSurvey.design.max'), render: (n) => pts(n.maxHundredths) },
          {
            key: 'source',
            label: t('socialSurvey.design.source'),
            render: (n) => t(`socialSurvey.design.sources.${n.source}`),
          },
        ]}
      />
      {sub('scale')}
      <ResponsiveTable
        label={t('socialSurvey.design.scale')}
        rows={[
          ...design.scale.levels.map((l) => ({ ...l, excluded: false })),
          ...design.scale.excluded.map((l) => ({ ...l, valueHundredths: null, excluded: true })),
        ]}
        rowKey={(l) => l.code}
        columns={[
          { key: 'code', label: t('socialSurvey.design.code'), render: (l) => l.code },
          {
            key: 'label',
            label: t('socialSurvey.design.level'),
            render: (l) => l.label,
            title: true,
          },
          {
            key: 'value',
            label: t('socialSurvey.design.value'),
            render: (l) => (l.valueHundredths === null ? '—' : pct(l.valueHundredths)),
          },
          {
            key: 'counts',
            label: t('socialSurvey.design.counts'),
            render: (l) =>
              l.excluded
                ? t('socialSurvey.design.excluded')
                : fav.has(l.code)
                  ? t('socialSurvey.design.favourable')
                  : t('socialSurvey.design.notFavourable'),
          },
        ]}
      />
      {sub('groups')}
      <ResponsiveTable
        label={t('socialSurvey.design.groups')}
        rows={design.groups}
        rowKey={(g) => g.code}
        columns={[
          { key: 'code', label: t('socialSurvey.design.code'), render: (g) => g.code },
          {
            key: 'name',
            label: t('socialSurvey.design.groupName'),
            render: (g) => g.name,
            title: true,
          },
          { key: 'weight', label: t('socialSurvey.design.weight'), render: (g) => g.weight },
        ]}
      />
      {sub('questions')}
      <ResponsiveTable
        label={t('socialSurvey.design.questions')}
        rows={design.questions}
        rowKey={(q) => q.code}
        minWidth={720}
        columns={[
          { key: 'code', label: t('socialSurvey.design.code'), render: (q) => q.code },
          {
            key: 'text',
            label: t('socialSurvey.design.question'),
            render: (q) => q.text,
            title: true,
          },
          {
            key: 'nodes',
            label: t('socialSurvey.design.feeds'),
            render: (q) => q.nodes.map(nodeTitle).join('; '),
          },
          {
            key: 'groups',
            label: t('socialSurvey.design.askedOf'),
            render: (q) => q.groups.map(groupName).join('; '),
          },
        ]}
      />
      {sub('rules')}
      {design.rules.length === 0 ? (
        <Text size="sm">{t('socialSurvey.design.noRules')}</Text>
      ) : (
        <ResponsiveTable
          label={t('socialSurvey.design.rules')}
          rows={design.rules}
          rowKey={(_, i) => i}
          minWidth={720}
          columns={[
            {
              key: 'group',
              label: t('socialSurvey.design.group'),
              render: (r) => groupName(r.group),
              title: true,
            },
            {
              key: 'who',
              label: t('socialSurvey.design.rule'),
              render: (r) =>
                t(`socialSurvey.design.scopes.${r.scope}`, {
                  raters:
                    r.raterKind === ''
                      ? t('socialSurvey.design.anyRater')
                      : t('socialSurvey.design.ratersOfKind', { kind: kindName(r.raterKind) }),
                  kind: kindName(kind),
                }),
            },
            {
              key: 'sample',
              label: t('socialSurvey.design.sampleSize'),
              render: (r) =>
                r.sampleSize === 0 ? t('socialSurvey.design.noSample') : r.sampleSize,
            },
          ]}
        />
      )}
    </Stack>
  );
}
