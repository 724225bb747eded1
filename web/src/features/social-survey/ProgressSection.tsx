/**
 * Progress per unit and respondent group: answers against the rules' sample size, the share of it
 * reached, links sent and used; units still short of their sample are marked (word and colour).
 */
import { Alert, Badge, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import type { ProgressUnit, Survey } from './api.ts';
import { useProgress } from './hooks.ts';
import { pct, ResponsiveTable, shareOf } from './shared.tsx';

type Row = ProgressUnit['groups'][number] & { unit: ProgressUnit; short: boolean };

export function ProgressSection({ survey, active }: { survey: Survey; active: boolean }) {
  const { t } = useTranslation();
  const progress = useProgress(survey.campaignId, active);
  if (!active) return null;
  if (progress.isLoading) return <LoadingState />;
  if (progress.error || !progress.data) return <ErrorAlert error={progress.error} />;
  const rows: Row[] = progress.data.units.flatMap((u) =>
    u.groups.map((g) => ({ ...g, unit: u, short: g.sampleSize > 0 && g.responses < g.sampleSize })),
  );
  const units = progress.data.units;
  const shortUnits = units.filter((u) =>
    u.groups.some((g) => g.sampleSize > 0 && g.responses < g.sampleSize),
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="progress-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="progress-title">
          {t('socialSurvey.progress.title')}
        </Title>
        <Text size="sm">{t('socialSurvey.progress.intro')}</Text>
        {units.length === 0 ? (
          <Text size="sm">{t('socialSurvey.progress.noUnits')}</Text>
        ) : (
          <>
            <Alert color={shortUnits.length > 0 ? 'orange' : 'green'} variant="light" role="status">
              {t('socialSurvey.progress.summary', {
                done: units.length - shortUnits.length,
                total: units.length,
              })}
            </Alert>
            <ResponsiveTable
              label={t('socialSurvey.progress.table')}
              rows={rows}
              rowKey={(r) => `${r.unit.unitId}-${r.group}`}
              minWidth={820}
              rowProps={(r) => (r.short ? { bg: 'var(--mantine-color-orange-0)' } : undefined)}
              columns={[
                {
                  key: 'unit',
                  label: t('socialSurvey.progress.unit'),
                  render: (r) => r.unit.unitName,
                  title: true,
                },
                { key: 'group', label: t('socialSurvey.progress.group'), render: (r) => r.name },
                {
                  key: 'sample',
                  label: t('socialSurvey.progress.sample'),
                  render: (r) => (r.sampleSize === 0 ? '—' : r.sampleSize),
                },
                {
                  key: 'answered',
                  label: t('socialSurvey.progress.answered'),
                  render: (r) => r.responses,
                },
                {
                  key: 'share',
                  label: t('socialSurvey.progress.share'),
                  render: (r) =>
                    r.sampleSize === 0 ? '—' : pct(shareOf(r.responses, r.sampleSize)),
                },
                {
                  key: 'links',
                  label: t('socialSurvey.progress.links'),
                  render: (r) =>
                    t('socialSurvey.progress.linksValue', { used: r.linksUsed, sent: r.invited }),
                },
                {
                  key: 'state',
                  label: t('socialSurvey.progress.state'),
                  render: (r) =>
                    r.short ? (
                      <Badge color="orange" variant="light">
                        {t('socialSurvey.progress.short', { missing: r.sampleSize - r.responses })}
                      </Badge>
                    ) : (
                      <Badge color="green" variant="light">
                        {t('socialSurvey.progress.enough')}
                      </Badge>
                    ),
                },
              ]}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
