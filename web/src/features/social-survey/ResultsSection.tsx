/**
 * Results per unit: survey points out of the maximum (provisional while the survey is open), a bar
 * chart of them (its table is right below, for screen readers and for exact figures), and per unit
 * each node's points with its formula and, per question and group, the counts behind it (answers,
 * left out, valid, favourable). The Excel file carries the same.
 */
import { Accordion, Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { resultsXlsxUrl, type ResultUnit, type Survey } from './api.ts';
import { useResults } from './hooks.ts';
import { pct, pts, ResponsiveTable } from './shared.tsx';

export function ResultsSection({ survey, active }: { survey: Survey; active: boolean }) {
  const { t } = useTranslation();
  const results = useResults(survey.campaignId, active);
  if (!active) return null;
  if (results.isLoading) return <LoadingState />;
  if (results.error || !results.data) return <ErrorAlert error={results.error} />;
  const { units, provisional } = results.data;
  const groupName = (unit: ResultUnit, code: string) =>
    survey.unitKinds
      .find((k) => k.unitKind === unit.unitKind)
      ?.questionnaire?.design.groups.find((g) => g.code === code)?.name ?? code;
  const questionText = (unit: ResultUnit, code: string) =>
    survey.unitKinds
      .find((k) => k.unitKind === unit.unitKind)
      ?.questionnaire?.design.questions.find((q) => q.code === code)?.text ?? code;
  const state = (u: ResultUnit) =>
    u.pointsHundredths === null
      ? t('socialSurvey.results.incomplete')
      : provisional
        ? t('socialSurvey.results.provisional')
        : t('socialSurvey.results.final');

  return (
    <Stack className="ss-results">
      <Paper withBorder p="md" component="section" aria-labelledby="results-title">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={3} size="h4" id="results-title">
              {t('socialSurvey.results.title')}
            </Title>
            <Anchor href={resultsXlsxUrl(survey.campaignId)}>
              {t('socialSurvey.results.download')}
            </Anchor>
          </Group>
          {provisional ? (
            <Alert
              color="yellow"
              variant="light"
              title={t('socialSurvey.results.provisionalTitle')}
            >
              {t('socialSurvey.results.provisionalText')}
            </Alert>
          ) : null}
          <Text size="sm">{t('socialSurvey.results.intro')}</Text>
          {units.length === 0 ? (
            <Text size="sm">{t('socialSurvey.results.noUnits')}</Text>
          ) : (
            <>
              <figure style={{ margin: 0 }} aria-labelledby="chart-caption">
                <Text component="figcaption" id="chart-caption" size="sm" fw={600} mb={4}>
                  {t('socialSurvey.results.chart')}
                </Text>
                {/* The bars repeat the table below, which is what assistive technology reads. */}
                <Stack gap={6} aria-hidden="true">
                  {units.map((u) => {
                    const share =
                      u.pointsHundredths !== null && u.maxHundredths
                        ? (u.pointsHundredths / u.maxHundredths) * 100
                        : 0;
                    return (
                      <div key={u.unitId}>
                        <Group justify="space-between" gap="xs" wrap="nowrap">
                          <Text size="xs" truncate>
                            {u.unitName}
                          </Text>
                          <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                            {pts(u.pointsHundredths)} / {pts(u.maxHundredths)}
                          </Text>
                        </Group>
                        <div className="ss-bar-track">
                          <div
                            className="ss-bar"
                            data-provisional={provisional}
                            style={{ width: `${share}%` }}
                          />
                        </div>
                      </div>
                    );
                  })}
                </Stack>
              </figure>
              <ResponsiveTable
                label={t('socialSurvey.results.table')}
                rows={units}
                rowKey={(u) => u.unitId}
                columns={[
                  {
                    key: 'unit',
                    label: t('socialSurvey.results.unit'),
                    render: (u) => u.unitName,
                    title: true,
                  },
                  { key: 'code', label: t('socialSurvey.results.code'), render: (u) => u.unitCode },
                  {
                    key: 'points',
                    label: t('socialSurvey.results.points'),
                    render: (u) => pts(u.pointsHundredths),
                  },
                  {
                    key: 'max',
                    label: t('socialSurvey.results.max'),
                    render: (u) => pts(u.maxHundredths),
                  },
                  {
                    key: 'state',
                    label: t('socialSurvey.results.state'),
                    render: (u) => (
                      <Badge
                        variant="light"
                        color={
                          u.pointsHundredths === null ? 'gray' : provisional ? 'yellow' : 'green'
                        }
                      >
                        {state(u)}
                      </Badge>
                    ),
                  },
                ]}
              />
            </>
          )}
        </Stack>
      </Paper>
      {units.length > 0 ? (
        <Paper withBorder p="md" component="section" aria-labelledby="details-title">
          <Title order={3} size="h4" id="details-title" mb="sm">
            {t('socialSurvey.results.details')}
          </Title>
          <Accordion variant="separated" multiple>
            {units.map((u) => (
              <Accordion.Item key={u.unitId} value={String(u.unitId)}>
                <Accordion.Control>
                  {t('socialSurvey.results.unitLine', {
                    unit: u.unitName,
                    points: pts(u.pointsHundredths),
                    max: pts(u.maxHundredths),
                  })}
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="sm">
                    {u.nodes.map((n) => (
                      <Stack key={n.code} gap={4}>
                        <Title order={4} size="h5">
                          {t('socialSurvey.results.node', {
                            code: n.code,
                            title: n.title,
                            points: pts(n.pointsHundredths),
                            max: pts(n.maxHundredths),
                          })}
                        </Title>
                        <Text size="sm">
                          {n.formula
                            ? t('socialSurvey.results.formula', { formula: n.formula })
                            : n.source === 'sipas'
                              ? t('socialSurvey.results.noSipas')
                              : t('socialSurvey.results.noAnswers')}
                        </Text>
                        {n.source === 'questions' ? (
                          <ResponsiveTable
                            label={t('socialSurvey.results.countsOf', {
                              code: n.code,
                              unit: u.unitName,
                            })}
                            minWidth={900}
                            rows={u.questions
                              .filter((q) => n.questions.includes(q.question))
                              .flatMap((q) => q.groups.map((g) => ({ q, g })))}
                            rowKey={(r) => `${r.q.question}-${r.g.group}`}
                            columns={[
                              {
                                key: 'q',
                                label: t('socialSurvey.results.question'),
                                render: (r) => `${r.q.question}. ${questionText(u, r.q.question)}`,
                                title: true,
                              },
                              {
                                key: 'g',
                                label: t('socialSurvey.results.group'),
                                render: (r) => `${groupName(u, r.g.group)} (×${r.g.weight})`,
                              },
                              {
                                key: 'a',
                                label: t('socialSurvey.results.answers'),
                                render: (r) => r.g.answers,
                              },
                              {
                                key: 'x',
                                label: t('socialSurvey.results.excluded'),
                                render: (r) => r.g.excluded,
                              },
                              {
                                key: 'v',
                                label: t('socialSurvey.results.valid'),
                                render: (r) => r.g.valid,
                              },
                              {
                                key: 'f',
                                label: t('socialSurvey.results.favourable'),
                                render: (r) => r.g.favourable,
                              },
                              {
                                key: 's',
                                label: t('socialSurvey.results.share'),
                                render: (r) =>
                                  r.g.formula
                                    ? `${r.g.formula} = ${pct(r.g.shareHundredths)}`
                                    : '—',
                              },
                              {
                                key: 'qs',
                                label: t('socialSurvey.results.questionShare'),
                                render: (r) => r.q.formula ?? '—',
                              },
                            ]}
                          />
                        ) : null}
                      </Stack>
                    ))}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Paper>
      ) : null}
    </Stack>
  );
}
