/**
 * One survey campaign: its period, owner, questionnaire, fields of service, channels, which levels
 * count as satisfied and the overall method; the sample target of every unit and field from its
 * number of transactions (n = N/(1+N·e²), formula shown) and how far collection has come.
 */
import {
  Badge,
  Button,
  Card,
  DataList,
  Group,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { formatPointsCompact } from '@domain/scoring/decimal.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import type { Progress as ProgressRow, SipasCampaign } from './api.ts';
import { CampaignFormModal } from './CampaignFormModal.tsx';
import { useSipasCampaign, useSipasCampaigns, useSipasIndexes } from './hooks.ts';
import { barPercent } from './logic.ts';
import { CampaignLinks, SipasCrumbs, SipasStatusBadge, usePeriodText } from './parts.tsx';
import { PosterButton } from './PosterButton.tsx';
import { SurveyPointsSection } from './SurveyPointsSection.tsx';

/** Whether the list says the user manages this campaign. */
export function useCanManage(id: number): boolean {
  const list = useSipasCampaigns();
  return list.data?.items.find((c) => c.id === id)?.canManage ?? false;
}

/** The page of one campaign. */
export function SipasCampaignPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const campaign = useSipasCampaign(id);
  usePageTitle(campaign.data?.name ?? t('sipas.title'));
  if (campaign.isLoading) return <LoadingState />;
  if (campaign.error || !campaign.data) return <ErrorAlert error={campaign.error} />;
  return <CampaignView campaign={campaign.data} />;
}

function CampaignView({ campaign }: { campaign: SipasCampaign }) {
  const { t } = useTranslation();
  const period = usePeriodText();
  const canManage = useCanManage(campaign.id);
  const [editing, setEditing] = useState(false);
  const channelLabel = (c: string) =>
    (['web', 'qr', 'dossier_link', 'paper', 'kiosk', 'offline', 'import'] as const).includes(
      c as never,
    )
      ? t(`sipas.channels.${c as 'web'}`)
      : c;

  return (
    <Stack>
      <SipasCrumbs />
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{campaign.name}</Title>
          <Group gap="xs">
            <SipasStatusBadge status={campaign.status} />
            <Text size="sm" c="dimmed">
              {period(campaign.periodStart, campaign.periodEnd)}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs">
          <PosterButton campaignId={campaign.id} channels={campaign.channels} />
          {canManage ? (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('sipas.edit')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <CampaignLinks id={campaign.id} channels={campaign.channels} canManage={canManage} />

      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('sipas.setup.title')}
        </Title>
        <DataList labelWidth={220}>
          <DataList.Item>
            <DataList.ItemLabel>{t('sipas.fields.owner')}</DataList.ItemLabel>
            <DataList.ItemValue>{campaign.ownerName ?? t('sipas.national')}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('sipas.fields.questionnaire')}</DataList.ItemLabel>
            <DataList.ItemValue>
              {t('sipas.questionnaireVersion', {
                code: campaign.questionnaireCode,
                version: campaign.questionnaireVersion,
              })}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('sipas.fields.fields')}</DataList.ItemLabel>
            <DataList.ItemValue>{campaign.fields.map((f) => f.name).join('; ')}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('sipas.fields.channels')}</DataList.ItemLabel>
            <DataList.ItemValue>
              <Group gap={4}>
                {campaign.channels.map((c) => (
                  <Badge key={c} variant="outline" style={{ textTransform: 'none' }}>
                    {channelLabel(c)}
                  </Badge>
                ))}
              </Group>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('sipas.fields.satisfied')}</DataList.ItemLabel>
            <DataList.ItemValue>{campaign.satisfiedLabel}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('sipas.fields.overallMethod')}</DataList.ItemLabel>
            <DataList.ItemValue>{campaign.overallMethodLabel}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('sipas.fields.margin')}</DataList.ItemLabel>
            <DataList.ItemValue>
              {t('sipas.marginValue', { value: formatPointsCompact(campaign.marginOfError) })}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('sipas.fields.responses')}</DataList.ItemLabel>
            <DataList.ItemValue>{campaign.responses}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Paper>

      <TargetsSection campaign={campaign} />
      <SurveyPointsSection campaignId={campaign.id} />

      {canManage ? (
        <CampaignFormModal
          opened={editing}
          campaign={campaign}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      ) : null}
    </Stack>
  );
}

/** Targets and progress per unit and field. */
function TargetsSection({ campaign }: { campaign: SipasCampaign }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const indexes = useSipasIndexes(campaign.id, {});
  const unitName = (id: number) => campaign.units.find((u) => u.unitId === id)?.name ?? String(id);
  const fieldName = (id: string) => campaign.fields.find((f) => f.id === id)?.name ?? id;
  const rows = indexes.data?.progress ?? [];
  const totals = rows.reduce(
    (acc, r) => ({ collected: acc.collected + r.collected, target: acc.target + r.target }),
    { collected: 0, target: 0 },
  );

  const bar = (r: ProgressRow) => (
    <Stack gap={2}>
      <Progress
        value={r.target > 0 ? barPercent(Math.round((r.collected / r.target) * 10000)) : 100}
        color={r.reached ? 'green' : 'blue'}
        aria-label={t('sipas.targets.progressOf', {
          unit: unitName(r.unitId),
          field: fieldName(r.fieldId),
        })}
      />
      <Text size="xs" c="dimmed">
        {r.formula}
        {r.reached
          ? ` · ${t('sipas.targets.reached')}`
          : ` · ${t('sipas.targets.remaining', { count: r.remaining })}`}
      </Text>
    </Stack>
  );

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb={4}>
        {t('sipas.targets.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sipas.targets.formula', {
          e: formatPointsCompact(campaign.marginOfError),
        })}
      </Text>
      {indexes.isLoading ? (
        <LoadingState />
      ) : indexes.error ? (
        <ErrorAlert error={indexes.error} />
      ) : rows.length === 0 ? (
        <Text size="sm">{t('sipas.targets.none')}</Text>
      ) : mobile ? (
        <Stack gap="xs">
          {rows.map((r) => (
            <Card key={`${r.unitId}|${r.fieldId}`} withBorder padding="sm">
              <Text fw={500}>{fieldName(r.fieldId)}</Text>
              <Text size="sm" c="dimmed">
                {unitName(r.unitId)}
              </Text>
              <Text size="sm">
                {t('sipas.targets.line', {
                  n: r.transactions,
                  target: r.target,
                  collected: r.collected,
                })}
              </Text>
              <Text size="xs" c="dimmed">
                {r.sampleFormula}
              </Text>
              {bar(r)}
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label={t('sipas.targets.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sipas.fields.unit')}</Table.Th>
                <Table.Th scope="col">{t('sipas.fields.field')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('sipas.targets.transactions')}
                </Table.Th>
                <Table.Th scope="col">{t('sipas.targets.target')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('sipas.targets.collected')}
                </Table.Th>
                <Table.Th scope="col" w="28%">
                  {t('sipas.targets.progress')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.unitId}|${r.fieldId}`}>
                  <Table.Td>{unitName(r.unitId)}</Table.Td>
                  <Table.Td>{fieldName(r.fieldId)}</Table.Td>
                  <Table.Td ta="right">{r.transactions}</Table.Td>
                  <Table.Td>
                    <Text fw={500}>{r.target}</Text>
                    <Text size="xs" c="dimmed">
                      {r.sampleFormula}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{r.collected}</Table.Td>
                  <Table.Td>{bar(r)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row" colSpan={3}>
                  {t('sipas.targets.total')}
                </Table.Th>
                <Table.Td fw={500}>{totals.target}</Table.Td>
                <Table.Td ta="right" fw={500}>
                  {totals.collected}
                </Table.Td>
                <Table.Td />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
