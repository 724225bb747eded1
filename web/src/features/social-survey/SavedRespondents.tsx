/**
 * The survey's saved respondents, a page at a time, of one group and one unit when chosen: a table
 * on a wide screen, cards on a phone; for each, whether they answered and the personal links made
 * and used. A respondent who has not answered may be removed (their links stop working).
 */
import { Alert, Button, Group, Pagination, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { surveyApi, type Survey, type SurveyRespondent } from './api.ts';
import { useRespondents, useSurveyMutation } from './hooks.ts';
import { ResponsiveTable } from './shared.tsx';

const PAGE_SIZE = 20;

export function SavedRespondents({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const id = survey.campaignId;
  const [group, setGroup] = useState<string | null>(null);
  const [unit, setUnit] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [removing, setRemoving] = useState<SurveyRespondent | null>(null);
  const list = useRespondents(id, {
    group,
    unitId: unit ? Number(unit) : null,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const remove = useSurveyMutation(id, (r: SurveyRespondent) =>
    surveyApi.removeRespondent(id, r.id),
  );
  const data = list.data;
  const pages = data ? Math.ceil(data.total / PAGE_SIZE) : 0;
  // The last respondent of the last page removed: back to the page before.
  useEffect(() => {
    if (data && page > 1 && page > pages) setPage(Math.max(1, pages));
  }, [data, page, pages]);
  const answered = (r: SurveyRespondent) =>
    r.responses > 0
      ? t('socialSurvey.saved.answeredYes', { n: r.responses })
      : t('socialSurvey.saved.answeredNo');
  const links = (r: SurveyRespondent) =>
    r.links === 0
      ? t('socialSurvey.saved.noLinks')
      : t('socialSurvey.saved.links', { links: r.links, used: r.linksUsed });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="saved-respondents-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="saved-respondents-title">
          {t('socialSurvey.saved.title')}
        </Title>
        <Text size="sm">{t('socialSurvey.saved.intro')}</Text>
        <Group align="flex-end" gap="sm">
          <Select
            label={t('socialSurvey.saved.group')}
            placeholder={t('socialSurvey.saved.all')}
            data={(data?.groups ?? []).map((g) => ({
              value: g.code,
              label: t('socialSurvey.saved.groupOption', g),
            }))}
            value={group}
            onChange={(v) => {
              setGroup(v);
              setPage(1);
            }}
            clearable
            w={{ base: '100%', sm: 300 }}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('socialSurvey.saved.unit')}
            placeholder={t('socialSurvey.saved.all')}
            data={(data?.units ?? []).map((u) => ({
              value: String(u.id),
              label: `${u.name} (${u.code})`,
            }))}
            value={unit}
            onChange={(v) => {
              setUnit(v);
              setPage(1);
            }}
            clearable
            searchable
            w={{ base: '100%', sm: 320 }}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        <ErrorAlert error={list.error} title={t('socialSurvey.saved.loadError')} />
        {data ? (
          <Text size="sm" role="status">
            {t('socialSurvey.saved.total', { n: data.total })}
          </Text>
        ) : null}
        {data && data.items.length > 0 ? (
          <ResponsiveTable
            label={t('socialSurvey.saved.title')}
            rows={data.items}
            rowKey={(r) => r.id}
            minWidth={820}
            columns={[
              { key: 'code', label: t('socialSurvey.respondents.code'), render: (r) => r.code },
              {
                key: 'name',
                label: t('socialSurvey.respondents.name'),
                render: (r) => r.fullName,
                title: true,
              },
              { key: 'group', label: t('socialSurvey.saved.group'), render: (r) => r.groupName },
              {
                key: 'unit',
                label: t('socialSurvey.respondents.unit'),
                render: (r) => r.unitName ?? '—',
              },
              {
                key: 'email',
                label: t('socialSurvey.respondents.email'),
                render: (r) => r.email ?? '—',
              },
              { key: 'links', label: t('socialSurvey.saved.linksColumn'), render: links },
              { key: 'answered', label: t('socialSurvey.saved.answered'), render: answered },
              {
                key: 'actions',
                label: t('socialSurvey.saved.actions'),
                render: (r) =>
                  r.removable ? (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      aria-label={t('socialSurvey.saved.removeOf', { name: r.fullName })}
                      onClick={() => {
                        remove.reset();
                        setRemoving(r);
                      }}
                    >
                      {t('socialSurvey.saved.remove')}
                    </Button>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        ) : null}
        {pages > 1 ? (
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({
              'aria-label': t(`common.pageControl.${control}`),
            })}
          />
        ) : null}
        {remove.data ? (
          <Alert color="green" variant="light" role="status">
            {t('socialSurvey.saved.removed', { links: remove.data.links })}
          </Alert>
        ) : null}
        <ErrorAlert error={remove.error} title={t('socialSurvey.saved.removeRefused')} />
      </Stack>
      <ConfirmDialog
        opened={removing !== null}
        title={t('socialSurvey.saved.confirmTitle')}
        message={t('socialSurvey.saved.confirmMessage', {
          name: removing?.fullName ?? '',
          links: removing?.links ?? 0,
        })}
        confirmLabel={t('socialSurvey.saved.remove')}
        color="red"
        loading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) remove.mutate(removing, { onSettled: () => setRemoving(null) });
        }}
      />
    </Paper>
  );
}
