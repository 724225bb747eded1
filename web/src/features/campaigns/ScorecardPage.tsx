/**
 * A unit's scorecard: index, class and rank with last year's value and rank; points per criterion
 * against the max; every node self vs round 1 vs final; every lost point with its reason.
 */
import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  DataList,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { permissionsOf } from '@domain/access.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { useSession } from '../../lib/session.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { DraftDocumentButton } from '../documents/DraftDocumentButton.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import type { ScoreMax, Scorecard, SignedPoints } from './api.ts';
import { CriteriaChart } from './Charts.tsx';
import { classText, points } from './format.ts';
import { useScorecard } from './hooks.ts';

// Bonus and penalty nodes show their signed points (+0,50 / −1,00), other nodes their score.
const cell = (v: ScoreMax | null, signed?: SignedPoints | null) =>
  signed ? signed.text : v ? points(v.score) : '—';

/** The scorecard page. */
export function ScorecardPage() {
  const { t } = useTranslation();
  const params = useParams();
  const id = Number(params.id);
  const unitId = Number(params.unitId);
  const card = useScorecard(id, unitId);
  usePageTitle(
    card.data
      ? t('campaigns.scorecard.title', { unit: card.data.unit.unitName })
      : t('campaigns.title'),
  );
  if (card.isLoading) return <LoadingState />;
  if (card.error || !card.data)
    return (
      <Stack>
        <Title order={2}>{t('campaigns.scorecard.heading')}</Title>
        <ErrorAlert error={card.error} />
      </Stack>
    );
  return <ScorecardView card={card.data} />;
}

function ScorecardView({ card }: { card: Scorecard }) {
  const { t } = useTranslation();
  const { campaign, unit, result, previous } = card;
  const criteria = result?.criteria ?? [];
  // The domain's list: a node under an entered ancestor does not count (the ancestor replaced it).
  const lost = card.lostPoints.filter((n) => n.lost > 0);
  // Sub-criteria without an appraiser whose self score the council chair accepted.
  const accepted = new Map(
    card.nodes.flatMap((n) => (n.selfScoreAccepted ? [[n.code, n.selfScoreAccepted]] : [])),
  );
  const language = useLanguage();
  // The unit's own staff and the standing agency draft its report (the server checks the unit).
  const session = useSession();
  const mayDraft = session.grants.some((g) =>
    permissionsOf(g.role).some((p) => p === 'evidence.write' || p === 'campaign.manage'),
  );
  return (
    <Stack>
      <nav aria-label={t('campaigns.breadcrumb')}>
        <Breadcrumbs separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
          <Anchor component={Link} to="/campaigns" size="sm">
            {t('campaigns.title')}
          </Anchor>
          <Anchor component={Link} to={`/campaigns/${campaign.id}`} size="sm">
            {campaign.name}
          </Anchor>
          <Anchor component={Link} to={`/campaigns/${campaign.id}/results`} size="sm">
            {t('campaigns.results.title')}
          </Anchor>
          <Text size="sm" aria-current="page">
            {unit.unitName}
          </Text>
        </Breadcrumbs>
      </nav>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t('campaigns.scorecard.title', { unit: unit.unitName })}</Title>
        {result && mayDraft ? (
          <DraftDocumentButton
            request={{
              type: 'self_assessment_report',
              campaignId: campaign.id,
              unitId: unit.unitId,
            }}
          />
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="summary-title">
          <Title order={3} size="h4" id="summary-title" mb="sm">
            {t('campaigns.scorecard.summary')}
          </Title>
          {card.stage === 'self' ? (
            <Alert color="yellow" mb="sm" data-testid="self-only">
              {t('campaigns.scorecard.selfOnly')}
            </Alert>
          ) : null}
          {card.publishedWithoutSurvey ? (
            <Alert color="orange" mb="sm" data-testid="published-without-survey">
              {t('campaigns.scorecard.publishedWithoutSurvey', {
                reason: card.publishedWithoutSurvey.reason,
                by: card.publishedWithoutSurvey.by ?? '',
                at: formatDateTime(card.publishedWithoutSurvey.at, language),
              })}
            </Alert>
          ) : null}
          {result ? (
            <DataList labelWidth={200}>
              <DataList.Item>
                <DataList.ItemLabel>{t('campaigns.results.total')}</DataList.ItemLabel>
                <DataList.ItemValue data-testid="scorecard-total">
                  {result.totalText} / {result.maxTotalText}
                  {result.provisional ? (
                    <>
                      {' — '}
                      {t('campaigns.results.provisionalNote')}{' '}
                      <Badge
                        color="yellow"
                        variant="light"
                        title={t('campaigns.results.provisionalHint')}
                      >
                        {t('campaigns.results.provisional')}
                      </Badge>
                    </>
                  ) : null}
                </DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('campaigns.results.index')}</DataList.ItemLabel>
                <DataList.ItemValue data-testid="scorecard-index">
                  {result.indexText ?? '—'}
                </DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('campaigns.results.class')}</DataList.ItemLabel>
                <DataList.ItemValue data-testid="scorecard-class">
                  {classText(result.classLabel, result.classBand, t)}
                </DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('campaigns.results.rank')}</DataList.ItemLabel>
                <DataList.ItemValue data-testid="scorecard-rank">
                  {result.rank === null
                    ? '—'
                    : t('campaigns.results.rankValue', {
                        rank: result.rank,
                        of: result.unitsRanked ?? '—',
                      })}
                </DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('campaigns.results.previous')}</DataList.ItemLabel>
                <DataList.ItemValue>
                  {previous ? (
                    <Stack gap={0}>
                      <Text size="sm">
                        {t('campaigns.results.previousValue', {
                          year: previous.year,
                          value: previous.indexText ?? '—',
                        })}
                      </Text>
                      {previous.ratioText ? (
                        <Text size="sm">
                          {t('campaigns.results.ratio', { ratio: previous.ratioText })}
                        </Text>
                      ) : null}
                      {previous.rank !== null ? (
                        <Text size="sm">
                          {t('campaigns.results.previousRank', { rank: previous.rank })}
                        </Text>
                      ) : null}
                      {previous.source === 'lineage' ? (
                        <Text size="xs" c="dimmed">
                          {t('campaigns.results.throughLineage', {
                            units: previous.fromUnits.map((u) => u.unitName).join(', '),
                          })}
                        </Text>
                      ) : null}
                    </Stack>
                  ) : (
                    t('common.none')
                  )}
                </DataList.ItemValue>
              </DataList.Item>
            </DataList>
          ) : (
            <Text size="sm" c="dimmed">
              {t('campaigns.scorecard.noResult')}
            </Text>
          )}
        </Paper>
        <Paper withBorder p="md">
          {criteria.length ? (
            <CriteriaChart title={t('campaigns.scorecard.chart')} bars={criteria} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('campaigns.scorecard.noResult')}
            </Text>
          )}
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="md" component="section" aria-labelledby="lost-title">
        <Title order={3} size="h4" id="lost-title" mb="sm">
          {t('campaigns.scorecard.lostTitle')}
        </Title>
        {lost.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('campaigns.scorecard.noLost')}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {lost.map((n) => (
              <li key={n.code}>
                <Text size="sm" fw={500}>
                  {t('campaigns.scorecard.lostLine', {
                    code: n.code,
                    title: n.title,
                    lost: points(n.lost),
                  })}
                </Text>
                <Text size="sm" c="dimmed">
                  {n.reason ||
                    n.round1Reason ||
                    (accepted.get(n.code)
                      ? t('campaigns.scorecard.selfScoreAcceptedShort', {
                          reason: accepted.get(n.code)?.reason ?? '',
                        })
                      : null) ||
                    (n.source === 'self'
                      ? t('campaigns.scorecard.selfScored')
                      : t('campaigns.scorecard.noReason'))}
                  {n.disposition ? ` (${t(`campaigns.round2.dispositions.${n.disposition}`)})` : ''}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="nodes-title">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4" id="nodes-title">
            {t('campaigns.scorecard.nodesTitle')}
          </Title>
        </Group>
        <Table.ScrollContainer minWidth={680}>
          <Table striped aria-labelledby="nodes-title" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('campaigns.scorecard.node')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.scorecard.max')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.scorecard.self')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.scorecard.round1')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.scorecard.final')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.scorecard.lost')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {card.nodes
                .filter((n) => n.depth > 0)
                .map((n) => (
                  <Table.Tr key={n.code} data-code={n.code}>
                    <Table.Td style={{ paddingLeft: `${(n.depth - 1) * 16 + 8}px` }}>
                      <Text size="sm" fw={n.depth === 1 ? 600 : 400}>
                        {n.code}. {n.title}
                      </Text>
                      {n.isLeaf && n.lost > 0 && (n.reason || n.round1Reason) ? (
                        <Text size="xs" c="dimmed">
                          {n.reason || n.round1Reason}
                        </Text>
                      ) : null}
                      {n.selfScoreAccepted ? (
                        <Text size="xs" c="teal.9" data-testid="self-score-accepted">
                          {t('campaigns.scorecard.selfScoreAccepted', {
                            reason: n.selfScoreAccepted.reason,
                            by: n.selfScoreAccepted.by ?? '',
                            at: formatDateTime(n.selfScoreAccepted.at, language),
                          })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {n.kind && n.kind !== 'normal'
                        ? `${n.kind === 'bonus' ? '+' : '−'}${points(n.cap ?? 0)}`
                        : n.final
                          ? points(n.final.max)
                          : '—'}
                    </Table.Td>
                    <Table.Td>{cell(n.self, n.selfPoints)}</Table.Td>
                    <Table.Td>{cell(n.afterRound1, n.afterRound1Points)}</Table.Td>
                    <Table.Td>{cell(n.final, n.finalPoints)}</Table.Td>
                    <Table.Td>{n.lost > 0 ? points(n.lost) : ''}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
