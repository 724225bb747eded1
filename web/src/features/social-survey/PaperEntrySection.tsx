/**
 * Paper questionnaires: one filled questionnaire at a time (group, rated unit, optionally the
 * rater's unit and the respondent's code, one answer per question from the scale), or a file of
 * them (CSV/XLSX, one row per questionnaire); all or nothing, every refusal by field, row and column.
 */
import {
  Alert,
  Button,
  FileInput,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { FileProblemsAlert } from '../../components/FileProblemsAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { surveyApi, type Survey } from './api.ts';
import { useProgress, useSurveyMutation } from './hooks.ts';

export function PaperEntrySection({ survey, active }: { survey: Survey; active: boolean }) {
  const { t } = useTranslation();
  if (survey.status !== 'open')
    return (
      <Alert color="gray" variant="light">
        {t(`socialSurvey.paper.notOpen.${survey.status === 'draft' ? 'draft' : 'closed'}`)}
      </Alert>
    );
  return (
    <Stack>
      <PaperForm survey={survey} active={active} />
      <ResponsesImport survey={survey} />
    </Stack>
  );
}

function PaperForm({ survey, active }: { survey: Survey; active: boolean }) {
  const { t } = useTranslation();
  const id = survey.campaignId;
  const progress = useProgress(id, active);
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [group, setGroup] = useState<string | null>(null);
  const [rater, setRater] = useState('');
  const [respondent, setRespondent] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const enter = useSurveyMutation(id, () =>
    surveyApi.enter(id, [
      {
        group: group ?? '',
        ratedUnitCode: unitCode ?? '',
        raterUnitCode: rater.trim() || null,
        respondentCode: respondent.trim() || null,
        answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== '')),
      },
    ]),
  );
  if (progress.isLoading) return <LoadingState />;
  const units = progress.data?.units ?? [];
  const unit = units.find((u) => u.unitCode === unitCode);
  const design = survey.unitKinds.find((k) => k.unitKind === unit?.unitKind)?.questionnaire?.design;
  const questions = design?.questions.filter((q) => group && q.groups.includes(group)) ?? [];
  const err = (f: string) => fieldError(enter.error, `responses.0.${f}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    enter.mutate(undefined, {
      onSuccess: () => {
        setSaved(unit?.unitName ?? '');
        setAnswers({});
        setRespondent('');
      },
    });
  };
  const fields = [
    'ratedUnitCode',
    'group',
    'raterUnitCode',
    'respondentCode',
    ...questions.map((q) => q.code),
  ].map((f) => `responses.0.${f}`);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="paper-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="paper-title">
            {t('socialSurvey.paper.title')}
          </Title>
          <Text size="sm">{t('socialSurvey.paper.intro')}</Text>
          <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
            <Select
              label={t('socialSurvey.paper.unit')}
              required
              searchable
              value={unitCode}
              onChange={(v) => {
                setUnitCode(v);
                setAnswers({});
              }}
              data={units.map((u) => ({
                value: u.unitCode,
                label: `${u.unitName} (${u.unitCode})`,
              }))}
              error={err('ratedUnitCode')}
              miw={240}
            />
            <Select
              label={t('socialSurvey.paper.group')}
              required
              value={group}
              onChange={(v) => {
                setGroup(v);
                setAnswers({});
              }}
              data={(design?.groups ?? []).map((g) => ({ value: g.code, label: g.name }))}
              disabled={!design}
              error={err('group')}
              miw={240}
            />
          </Group>
          <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
            <TextInput
              label={t('socialSurvey.paper.rater')}
              description={t('socialSurvey.paper.raterHint')}
              value={rater}
              onChange={(e) => setRater(e.currentTarget.value)}
              error={err('raterUnitCode')}
              miw={240}
            />
            <TextInput
              label={t('socialSurvey.paper.respondent')}
              description={t('socialSurvey.paper.respondentHint')}
              value={respondent}
              onChange={(e) => setRespondent(e.currentTarget.value)}
              error={err('respondentCode')}
              miw={240}
            />
          </Group>
          {unit && !design ? (
            <Text size="sm">{t('socialSurvey.paper.noQuestionnaire')}</Text>
          ) : null}
          {design && group
            ? questions.map((q, i) => (
                <Radio.Group
                  key={q.code}
                  label={`${i + 1}. ${q.text}`}
                  value={answers[q.code] ?? ''}
                  onChange={(v) => setAnswers((a) => ({ ...a, [q.code]: v }))}
                  error={err(q.code)}
                >
                  <Group gap="md" mt={4}>
                    {[...design.scale.levels, ...design.scale.excluded].map((l) => (
                      <Radio key={l.code} value={l.code} label={l.label} />
                    ))}
                  </Group>
                </Radio.Group>
              ))
            : null}
          <ErrorAlert error={enter.error} fields={fields} />
          {saved !== null && !enter.error ? (
            <Alert color="green" variant="light" role="status">
              {t('socialSurvey.paper.saved', { unit: saved })}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={enter.isPending} disabled={!unitCode || !group}>
              {t('socialSurvey.paper.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ResponsesImport({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const id = survey.campaignId;
  const [file, setFile] = useState<File | null>(null);
  const upload = useSurveyMutation(id, (f: File) => surveyApi.importResponses(id, f));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="import-title">
          {t('socialSurvey.paper.importTitle')}
        </Title>
        <Text size="sm">{t('socialSurvey.paper.importIntro')}</Text>
        <Group align="flex-end" gap="sm">
          <FileInput
            label={t('socialSurvey.paper.importFile')}
            placeholder={t('socialSurvey.chooseFile')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(f) => {
              setFile(f);
              upload.reset();
            }}
            clearable
            w={{ base: '100%', sm: 380 }}
          />
          <Button
            disabled={!file}
            loading={upload.isPending}
            onClick={() => file && upload.mutate(file)}
          >
            {t('socialSurvey.paper.import')}
          </Button>
        </Group>
        {upload.data ? (
          <Alert color="green" variant="light" role="status">
            {t('socialSurvey.paper.imported', {
              saved: upload.data.saved,
              units: upload.data.units,
            })}
          </Alert>
        ) : null}
        <FileProblemsAlert error={upload.error} title={t('socialSurvey.paper.importRefused')} />
      </Stack>
    </Paper>
  );
}
