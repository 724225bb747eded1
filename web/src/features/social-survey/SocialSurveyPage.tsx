/**
 * "Điều tra xã hội học" of a campaign (ADR 35), for the standing agency that manages it: create the
 * survey (optionally linked to a SIPAS survey), its status in words with opening and closing, the
 * questionnaire of each unit kind, respondents, single-use links shown once (table, CSV, QR slips),
 * paper entry and file import of answers, progress against sample sizes and each unit's points.
 * The open section lives in the address (?tab=).
 */
import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { formatDay, vietnamDay } from '../../lib/dates.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useCampaign } from '../campaigns/hooks.ts';
import { surveyApi, type Survey, type SurveyStatus } from './api.ts';
import { useSipasCampaigns, useSurvey, useSurveyMutation } from './hooks.ts';
import { InvitationsSection } from './InvitationsSection.tsx';
import { PaperEntrySection } from './PaperEntrySection.tsx';
import { ProgressSection } from './ProgressSection.tsx';
import { QuestionnaireSection } from './QuestionnaireSection.tsx';
import { RespondentsSection } from './RespondentsSection.tsx';
import { ResultsSection } from './ResultsSection.tsx';
import './social-survey.css';

const TABS = [
  'questionnaire',
  'respondents',
  'invitations',
  'paper',
  'progress',
  'results',
] as const;
type Tab = (typeof TABS)[number];

export const STATUS_COLOR: Record<SurveyStatus, string> = {
  draft: 'gray',
  open: 'green',
  closed: 'blue',
};

/** The page. */
export function SocialSurveyPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const campaign = useCampaign(id);
  const survey = useSurvey(id);
  usePageTitle(t('socialSurvey.title'));
  const campaignName = survey.data?.campaignName ?? campaign.data?.campaign.name ?? '';
  const missing =
    survey.error instanceof ApiError && survey.error.status === 404 && campaign.data !== undefined;

  return (
    <Stack>
      <nav aria-label={t('campaigns.breadcrumb')}>
        <Breadcrumbs
          separatorMargin={6}
          style={{ flexWrap: 'wrap', rowGap: 4 }}
          styles={{ breadcrumb: { whiteSpace: 'normal', overflowWrap: 'anywhere' } }}
        >
          <Anchor component={Link} to="/campaigns" size="sm">
            {t('campaigns.title')}
          </Anchor>
          {campaignName ? (
            <Anchor component={Link} to={`/campaigns/${id}`} size="sm">
              {campaignName}
            </Anchor>
          ) : null}
          <Text size="sm" aria-current="page">
            {t('socialSurvey.title')}
          </Text>
        </Breadcrumbs>
      </nav>
      <Stack gap={4}>
        <Title order={2}>{t('socialSurvey.title')}</Title>
        {campaignName ? <Text size="sm">{campaignName}</Text> : null}
      </Stack>
      {survey.isLoading || (survey.error && campaign.isLoading) ? (
        <LoadingState />
      ) : missing && campaign.data?.canManage ? (
        <CreateSurvey id={id} />
      ) : survey.error || !survey.data ? (
        <ErrorAlert error={survey.error} />
      ) : (
        <SurveyView survey={survey.data} />
      )}
    </Stack>
  );
}

/** No survey yet: create it, optionally linked to a SIPAS survey for nodes fed by its index. */
function CreateSurvey({ id }: { id: number }) {
  const { t } = useTranslation();
  const sipas = useSipasCampaigns(true);
  const [sipasId, setSipasId] = useState<string | null>(null);
  const create = useSurveyMutation(id, () =>
    surveyApi.create(id, sipasId === null ? null : Number(sipasId)),
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="create-title">
      <Stack>
        <Title order={3} size="h4" id="create-title">
          {t('socialSurvey.create.title')}
        </Title>
        <Text size="sm">{t('socialSurvey.create.intro')}</Text>
        <Select
          label={t('socialSurvey.create.sipas')}
          description={t('socialSurvey.create.sipasHint')}
          placeholder={t('socialSurvey.create.sipasNone')}
          clearable
          value={sipasId}
          onChange={setSipasId}
          data={(sipas.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          w={{ base: '100%', sm: 420 }}
        />
        <ErrorAlert error={create.error} />
        <Group>
          <Button loading={create.isPending} onClick={() => create.mutate(undefined)}>
            {t('socialSurvey.create.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function SurveyView({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? '')
    ? (asked as Tab)
    : 'questionnaire';
  const setTab = (value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('tab', value ?? 'questionnaire');
        return next;
      },
      { replace: true },
    );
  return (
    <>
      <StatusPanel survey={survey} />
      <Tabs value={tab} onChange={setTab} keepMounted>
        <Tabs.List aria-label={t('socialSurvey.tabs.label')}>
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`socialSurvey.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="questionnaire" pt="md">
          <QuestionnaireSection survey={survey} />
        </Tabs.Panel>
        <Tabs.Panel value="respondents" pt="md">
          <RespondentsSection survey={survey} />
        </Tabs.Panel>
        <Tabs.Panel value="invitations" pt="md">
          <InvitationsSection survey={survey} />
        </Tabs.Panel>
        <Tabs.Panel value="paper" pt="md">
          <PaperEntrySection survey={survey} active={tab === 'paper'} />
        </Tabs.Panel>
        <Tabs.Panel value="progress" pt="md">
          <ProgressSection survey={survey} active={tab === 'progress'} />
        </Tabs.Panel>
        <Tabs.Panel value="results" pt="md">
          <ResultsSection survey={survey} active={tab === 'results'} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

/** The status in words, what it means, and the one action it allows (open, or close). */
function StatusPanel({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const id = survey.campaignId;
  const sipas = useSipasCampaigns(survey.sipasCampaignId !== null);
  const [confirm, setConfirm] = useState<'open' | 'close' | null>(null);
  const change = useSurveyMutation(id, (action: 'open' | 'close') =>
    surveyApi.setStatus(id, action),
  );
  const sipasName =
    survey.sipasCampaignId === null
      ? null
      : (sipas.data?.items.find((c) => c.id === survey.sipasCampaignId)?.name ??
        `#${survey.sipasCampaignId}`);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="status-title">
      <Stack gap="xs">
        <Group gap="sm">
          <Title order={3} size="h4" id="status-title">
            {t('socialSurvey.status.title')}
          </Title>
          <Badge color={STATUS_COLOR[survey.status]} variant="light" size="lg">
            {t(`socialSurvey.status.${survey.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {survey.status === 'closed' && survey.closedAt
            ? t('socialSurvey.status.closedOn', { date: formatDay(vietnamDay(survey.closedAt)) })
            : t(`socialSurvey.status.hint.${survey.status}`)}
        </Text>
        {sipasName ? (
          <Text size="sm">{t('socialSurvey.status.sipas', { name: sipasName })}</Text>
        ) : null}
        {change.data ? (
          <Alert color="green" variant="light" role="status">
            {t(
              // The answer names the new status as a plain string: opened or closed.
              change.data.status === 'closed'
                ? 'socialSurvey.status.done.closed'
                : 'socialSurvey.status.done.open',
              { count: change.data.unitsWithPoints },
            )}
          </Alert>
        ) : null}
        <ErrorAlert error={change.error} />
        <Group>
          {survey.status === 'draft' ? (
            <Button onClick={() => setConfirm('open')}>
              {t('socialSurvey.status.openAction')}
            </Button>
          ) : null}
          {survey.status === 'open' ? (
            <Button color="red" variant="light" onClick={() => setConfirm('close')}>
              {t('socialSurvey.status.closeAction')}
            </Button>
          ) : null}
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirm !== null}
        title={confirm ? t(`socialSurvey.status.confirm.${confirm}.title`) : ''}
        message={confirm ? t(`socialSurvey.status.confirm.${confirm}.message`) : ''}
        confirmLabel={confirm ? t(`socialSurvey.status.${confirm}Action`) : ''}
        color={confirm === 'close' ? 'red' : 'blue'}
        loading={change.isPending}
        onClose={() => setConfirm(null)}
        onConfirm={() => {
          if (!confirm) return;
          change.mutate(confirm, { onSettled: () => setConfirm(null) });
        }}
      />
    </Paper>
  );
}
