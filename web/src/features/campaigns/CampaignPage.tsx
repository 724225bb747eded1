/**
 * One campaign: phase and deadlines, criteria sets, the units taking part with their state and
 * progress, and what the user's roles allow here: the standing agency's set-up (units, appraiser
 * assignments, opening, publication), the council chair's round-1 progress and closing, links to
 * the unit's own sheet, the appraiser's queue, the results and the public page.
 */
import {
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Checkbox,
  DataList,
  Group,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { eventsFrom } from '@domain/campaign/workflow.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useSession } from '../../lib/session.tsx';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import type { CampaignDetail, Participant } from './api.ts';
import { BulkActions, bulkActionsFor } from './BulkActions.tsx';
import { CoverageSection } from './CoverageSection.tsx';
import { DEADLINE_KEYS } from './CreateCampaignModal.tsx';
import { deadlineText, isUnitSide, percentOf, points, rolesOf } from './format.ts';
import { useCampaign } from './hooks.ts';
import { Round1ProgressSection } from './Round1ProgressSection.tsx';
import { SetupSection } from './SetupSection.tsx';
import { StateBanner } from './StateBanner.tsx';
import { PhaseBadge, StatusBadge } from './StatusBadge.tsx';
import { UnitActions } from './UnitActions.tsx';

const STAFF_ACTIONS = new Set([
  'reopen',
  'closeRound1',
  'approve',
  'reopenResult',
  'publish',
  'lockExplanations',
]);
const PAST_SELF = new Set([
  'submitted',
  'round1_in_progress',
  'round1_closed',
  'explaining',
  'explanations_locked',
  'round2_in_progress',
  'approved',
  'published',
]);

/** The page of one campaign. */
export function CampaignPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const detail = useCampaign(id);
  usePageTitle(detail.data?.campaign.name ?? t('campaigns.title'));
  if (detail.isLoading) return <LoadingState />;
  if (detail.error || !detail.data) return <ErrorAlert error={detail.error} />;
  return <CampaignView detail={detail.data} />;
}

function CampaignView({ detail }: { detail: CampaignDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const roles = rolesOf(session);
  const { campaign, participants } = detail;
  const staff = ['standing_agency', 'appraiser', 'council_chair', 'system_admin'].some((r) =>
    roles.has(r as never),
  );
  const mine = participants.filter((p) => isUnitSide(session, p.unitId));
  const past = participants.filter((p) => PAST_SELF.has(p.status)).length;

  return (
    <Stack>
      <nav aria-label={t('campaigns.breadcrumb')}>
        <Breadcrumbs separatorMargin={6}>
          <Anchor component={Link} to="/campaigns" size="sm">
            {t('campaigns.title')}
          </Anchor>
          <Text size="sm" aria-current="page">
            {campaign.year}
          </Text>
        </Breadcrumbs>
      </nav>
      <Stack gap={4}>
        <Title order={2}>{campaign.name}</Title>
        <Group gap="xs">
          <PhaseBadge phase={campaign.phase} />
          <Text size="sm" c="dimmed">
            {t('campaigns.yearValue', { year: campaign.year })}
            {campaign.ownerUnitName
              ? ` · ${t('campaigns.ownerValue', { owner: campaign.ownerUnitName })}`
              : ''}
            {' · '}
            {campaign.appraisingUnitName
              ? t('campaignSetup.appraisingValue', { unit: campaign.appraisingUnitName })
              : t('campaignSetup.appraisingByOwner')}
          </Text>
        </Group>
      </Stack>

      {/* The user's own units: where each stands now, in words. */}
      {mine.map((p) => (
        <StateBanner key={p.unitId} participant={p} deadlines={campaign.deadlines} />
      ))}

      <Group gap="sm">
        {mine.map((p) => (
          <Button
            key={p.unitId}
            component={Link}
            to={`/campaigns/${campaign.id}/units/${p.unitId}`}
          >
            {t('campaigns.openMySheet', { unit: p.unitName })}
          </Button>
        ))}
        {roles.has('appraiser') ? (
          <Button variant="light" component={Link} to={`/campaigns/${campaign.id}/queue`}>
            {t('campaigns.queue.link')}
          </Button>
        ) : null}
        <Button variant="default" component={Link} to={`/campaigns/${campaign.id}/results`}>
          {t('campaigns.results.link')}
        </Button>
        {/* The public page is a light page of its own (web/ket-qua/), not a route of this app. */}
        <Button variant="subtle" component="a" href={`/public/campaigns/${campaign.id}`}>
          {t('campaigns.public.link')}
        </Button>
      </Group>

      <Paper withBorder p="md" component="section" aria-labelledby="deadlines-title">
        <Title order={3} size="h4" id="deadlines-title" mb="sm">
          {t('campaigns.deadlines.title')}
        </Title>
        <DataList labelWidth={220}>
          {DEADLINE_KEYS.map((key) => (
            <DataList.Item key={key}>
              <DataList.ItemLabel>{t(`campaigns.deadlines.${key}`)}</DataList.ItemLabel>
              <DataList.ItemValue>
                {deadlineText(campaign.deadlines[key], language)}
              </DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
        <Text size="sm" mt="sm">
          {t('campaigns.criteriaSetsLine', {
            sets: detail.criteriaSets
              .map(
                (s) => `${s.name} (${t('campaigns.maxPoints', { max: points(s.maxHundredths) })})`,
              )
              .join('; '),
          })}
        </Text>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="participants-title">
        <Title order={3} size="h4" id="participants-title" mb="xs">
          {t('campaigns.participants.title')}
        </Title>
        <Text size="sm" mb={4}>
          {t('campaigns.participants.progress', { done: past, total: participants.length })}
        </Text>
        <Progress
          value={percentOf(past, participants.length)}
          mb="sm"
          aria-label={t('campaigns.participants.progressLabel')}
        />
        <ParticipantList campaignId={campaign.id} participants={participants} staff={staff} />
      </Paper>

      {detail.canManage ? (
        <Group>
          <Button variant="light" component={Link} to={`/campaigns/${campaign.id}/setup`}>
            {t('campaignSetup.link')}
          </Button>
          <Button variant="light" component={Link} to={`/campaigns/${campaign.id}/social-survey`}>
            {t('socialSurvey.link')}
          </Button>
        </Group>
      ) : null}
      {detail.canManage ? <SetupSection detail={detail} /> : null}
      {detail.canManage || staff ? <CoverageSection campaignId={campaign.id} /> : null}
      {roles.has('council_chair') || roles.has('standing_agency') || roles.has('system_admin') ? (
        <Round1ProgressSection campaignId={campaign.id} mayClose={roles.has('council_chair')} />
      ) : null}
    </Stack>
  );
}

function ParticipantList({
  campaignId,
  participants,
  staff,
}: {
  campaignId: number;
  participants: Participant[];
  staff: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mobile = useIsMobile();
  const session = useSession();
  // Units ticked for a bulk action (approve, publish, remind, reopen), by unit id.
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const selectable = staff && bulkActionsFor(session).length > 0;
  if (participants.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('campaigns.participants.none')}
      </Text>
    );
  const selected = participants.filter((p) => ticked.has(p.unitId));
  const toggle = (unitId: number, on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(unitId);
      else next.delete(unitId);
      return next;
    });
  const allTicked = selected.length === participants.length;
  const tickAll = (
    <Checkbox
      aria-label={t('campaigns.participants.selectAll')}
      checked={allTicked}
      indeterminate={selected.length > 0 && !allTicked}
      onChange={(e) =>
        setTicked(e.currentTarget.checked ? new Set(participants.map((p) => p.unitId)) : new Set())
      }
    />
  );
  const tick = (p: Participant) => (
    <Checkbox
      aria-label={t('campaigns.participants.select', { unit: p.unitName })}
      checked={ticked.has(p.unitId)}
      onChange={(e) => toggle(p.unitId, e.currentTarget.checked)}
    />
  );
  const bulk = selectable ? (
    <BulkActions campaignId={campaignId} selected={selected} onDone={() => setTicked(new Set())} />
  ) : null;
  const actions = (p: Participant) =>
    staff ? (
      <UnitActions
        compact
        campaignId={campaignId}
        participant={p}
        possibleActions={eventsFrom(p.status).filter((e) => STAFF_ACTIONS.has(e))}
      />
    ) : null;
  const links = (p: Participant) => (
    <Group gap="sm">
      <Anchor component={Link} to={`/campaigns/${campaignId}/units/${p.unitId}`} size="sm">
        {t('campaigns.participants.sheet')}
      </Anchor>
      <Anchor
        component={Link}
        to={`/campaigns/${campaignId}/units/${p.unitId}/scorecard`}
        size="sm"
      >
        {t('campaigns.participants.scorecard')}
      </Anchor>
    </Group>
  );
  // What the standing agency needs beside the status: a reopening and its reason, the criteria
  // the appraisers asked the unit to explain, why an approved result was reopened, and why an
  // action of theirs is refused now.
  const notes = (p: Participant) => {
    const refused = staff ? (p.refusedActions ?? []).filter((r) => STAFF_ACTIONS.has(r.event)) : [];
    return (
      <Stack gap={0} data-testid="participant-notes">
        {p.reopened && p.status === 'reopened' ? (
          <>
            <Text size="xs" c="dimmed">
              {t('campaigns.participants.reopenedUntil', {
                until: p.reopened.until
                  ? deadlineText(p.reopened.until, language)
                  : t('campaigns.sheet.untilRound1'),
              })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('campaigns.participants.reopenedReason', { reason: p.reopened.reason })}
            </Text>
          </>
        ) : null}
        {p.explanationRequested && p.explanationRequested.length > 0 ? (
          <Text size="xs" c="orange">
            {t('campaigns.participants.explanationRequested', {
              codes: p.explanationRequested.join(', '),
            })}
          </Text>
        ) : null}
        {p.resultReopened ? (
          <Text size="xs" c="orange">
            {t('campaigns.participants.resultReopened', {
              by: p.resultReopened.byName ?? '',
              reason: p.resultReopened.reason,
            })}
          </Text>
        ) : null}
        {refused.map((r) => (
          <Text key={r.event} size="xs" c="dimmed">
            {t('campaigns.participants.refused', {
              action: t(`campaigns.actions.${r.event}`),
              message: r.message,
            })}
          </Text>
        ))}
      </Stack>
    );
  };
  if (mobile)
    return (
      <>
        {bulk}
        {selectable ? <Group mb="xs">{tickAll}</Group> : null}
        <Stack
          gap="xs"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('campaigns.participants.title')}
        >
          {participants.map((p) => (
            <Card key={p.unitId} component="li" withBorder padding="sm">
              <Group gap="xs" wrap="nowrap">
                {selectable ? tick(p) : null}
                <Text fw={500}>{p.unitName}</Text>
              </Group>
              <Group gap="xs">
                <StatusBadge status={p.status} />
              </Group>
              {notes(p)}
              {links(p)}
              {actions(p)}
            </Card>
          ))}
        </Stack>
      </>
    );
  return (
    <>
      {bulk}
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={t('campaigns.participants.title')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              {selectable ? <Table.Th w={40}>{tickAll}</Table.Th> : null}
              <Table.Th scope="col">{t('campaigns.participants.unit')}</Table.Th>
              <Table.Th scope="col">{t('campaigns.participants.status')}</Table.Th>
              <Table.Th scope="col">{t('campaigns.participants.open')}</Table.Th>
              {staff ? (
                <Table.Th scope="col">{t('campaigns.participants.actions')}</Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {participants.map((p) => (
              <Table.Tr key={p.unitId}>
                {selectable ? <Table.Td>{tick(p)}</Table.Td> : null}
                <Table.Td>
                  {p.unitName}{' '}
                  <Text span size="xs" c="dimmed">
                    ({p.unitCode})
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={p.status} />
                  {notes(p)}
                </Table.Td>
                <Table.Td>{links(p)}</Table.Td>
                {staff ? <Table.Td>{actions(p)}</Table.Td> : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
