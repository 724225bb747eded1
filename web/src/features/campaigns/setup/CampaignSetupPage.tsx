/**
 * The standing agency's set-up page of a campaign: common set-up (name, year, deadlines, criteria
 * set per unit kind, survey share and source), class bands, survey points, score files (earlier
 * years' results, survey points). Units and appraiser assignments stay on the campaign's page.
 */
import { Anchor, Breadcrumbs, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { BandsForm } from './BandsForm.tsx';
import { GeneralForm } from './GeneralForm.tsx';
import { useSetup } from './hooks.ts';
import { ScoreImportPanel } from './ScoreImportPanel.tsx';
import { SurveyPanel } from './SurveyPanel.tsx';

const TABS = ['general', 'bands', 'survey', 'import'] as const;
type Tab = (typeof TABS)[number];

export function CampaignSetupPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const setup = useSetup(id);
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'general';
  usePageTitle(t('campaignSetup.title'));
  if (setup.isLoading) return <LoadingState />;
  if (setup.error || !setup.data) return <ErrorAlert error={setup.error} />;
  const detail = setup.data;
  const { campaign } = detail;

  return (
    <Stack>
      <nav aria-label={t('campaigns.breadcrumb')}>
        <Breadcrumbs separatorMargin={6}>
          <Anchor component={Link} to="/campaigns" size="sm">
            {t('campaigns.title')}
          </Anchor>
          <Anchor component={Link} to={`/campaigns/${id}`} size="sm">
            {campaign.name}
          </Anchor>
          <Text size="sm" aria-current="page">
            {t('campaignSetup.title')}
          </Text>
        </Breadcrumbs>
      </nav>
      <Title order={2}>{t('campaignSetup.heading', { name: campaign.name })}</Title>
      <Text size="sm">
        {t('campaignSetup.unitsElsewhere')}{' '}
        <Anchor component={Link} to={`/campaigns/${id}`}>
          {t('campaignSetup.unitsLink')}
        </Anchor>
      </Text>
      {!detail.canManage ? (
        <ErrorAlert error={new Error(t('errors.noPermission'))} />
      ) : (
        <Tabs
          value={tab}
          onChange={(v) => setParams(v && v !== 'general' ? { tab: v } : {}, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List>
            {TABS.map((k) => (
              <Tabs.Tab key={k} value={k}>
                {t(`campaignSetup.tabs.${k}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Paper withBorder p="md" mt="sm">
            <Tabs.Panel value="general">
              <GeneralForm detail={detail} />
            </Tabs.Panel>
            <Tabs.Panel value="bands">
              <BandsForm detail={detail} />
            </Tabs.Panel>
            <Tabs.Panel value="survey">
              <SurveyPanel id={id} />
            </Tabs.Panel>
            <Tabs.Panel value="import">
              <ScoreImportPanel id={id} closed={campaign.status === 'closed'} />
            </Tabs.Panel>
          </Paper>
        </Tabs>
      )}
    </Stack>
  );
}
