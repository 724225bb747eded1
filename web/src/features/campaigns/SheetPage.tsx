/**
 * A unit's sheet in a campaign: the criteria tree with max points and, per leaf, what each step
 * holds. The unit officer self-assesses here (autosaved), sees what is left, submits or withdraws,
 * and later answers each round-1 finding; others read it. Locked states are read-only with the
 * reason.
 */
import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useSession } from '../../lib/session.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { campaignApi, type Sheet, type SheetNode } from './api.ts';
import { EvidenceField, EvidenceList } from './Evidence.tsx';
import { PreSubmissionCheck } from './EvidenceRisks.tsx';
import { UnitActions } from './UnitActions.tsx';
import { deadlineText, isUnitSide, percentOf, points } from './format.ts';
import { campaignKeys, useCampaignMutation, useSheet } from './hooks.ts';
import { ComputedScore, SelfEditor, useInputLabel } from './SelfEditor.tsx';
import { StateBanner } from './StateBanner.tsx';
import { StatusBadge } from './StatusBadge.tsx';

const SELF_EDITABLE = new Set(['not_started', 'draft', 'reopened']);
const EXPLAINING = new Set(['round1_closed', 'explaining']);

/** The page of one unit's sheet. */
export function SheetPage() {
  const { t } = useTranslation();
  const params = useParams();
  const id = Number(params.id);
  const unitId = Number(params.unitId);
  const sheet = useSheet(id, unitId);
  usePageTitle(
    sheet.data
      ? t('campaigns.sheet.title', { unit: sheet.data.participant.unitName })
      : t('campaigns.title'),
  );
  if (sheet.isLoading) return <LoadingState />;
  if (sheet.error || !sheet.data)
    return (
      <Stack>
        <Title order={2}>{t('campaigns.sheet.heading')}</Title>
        <ErrorAlert error={sheet.error} title={t('campaigns.sheet.cannotOpen')} />
        <Anchor component={Link} to={`/campaigns/${id}`}>
          {t('campaigns.backToCampaign')}
        </Anchor>
      </Stack>
    );
  return <SheetView sheet={sheet.data} onRefetch={() => void sheet.refetch()} />;
}

/** Why the self-assessment cannot be edited now, or null when it can. */
function useLockReason(sheet: Sheet, unitSide: boolean): string | null {
  const { t } = useTranslation();
  const language = useLanguage();
  const p = sheet.participant;
  if (!unitSide) return t('campaigns.sheet.lockedNotUnit');
  if (p.status === 'submitted') return t('campaigns.sheet.lockedSubmitted');
  if (!SELF_EDITABLE.has(p.status))
    return t('campaigns.sheet.lockedAfterSubmit', { status: t(`campaigns.status.${p.status}`) });
  if (!sheet.possibleActions.includes('saveDraft')) return t('campaigns.sheet.lockedOther');
  const deadline = p.reopened?.until ?? sheet.campaign.deadlines.selfAssessment;
  // A date deadline lasts to the end of that day in Vietnam time.
  const end = /^\d{4}-\d{2}-\d{2}$/.test(deadline)
    ? new Date(`${deadline}T23:59:59+07:00`)
    : new Date(deadline);
  if (
    !Number.isNaN(end.getTime()) &&
    end.getTime() < Date.now() &&
    !(p.status === 'reopened' && p.reopened?.until === null)
  )
    return t('campaigns.sheet.lockedDeadline', { date: deadlineText(deadline, language) });
  return null;
}

function SheetView({ sheet, onRefetch }: { sheet: Sheet; onRefetch: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const client = useQueryClient();
  const p = sheet.participant;
  const campaignId = sheet.campaign.id;
  const unitSide = isUnitSide(session, p.unitId);
  const lockReason = useLockReason(sheet, unitSide);
  const editable = lockReason === null;
  const explaining = unitSide && EXPLAINING.has(p.status);
  const [resets, setResets] = useState<Record<string, number>>({});
  const refreshSheet = () => {
    void client.invalidateQueries({ queryKey: campaignKeys.sheet(campaignId, p.unitId) });
  };
  const reload = (code: string) => {
    onRefetch();
    setResets((r) => ({ ...r, [code]: (r[code] ?? 0) + 1 }));
  };
  const progress = sheet.progress;
  const leftCodes = [...progress.leavesLeft, ...progress.leavesWithProblems];

  return (
    <Stack>
      <nav aria-label={t('campaigns.breadcrumb')}>
        <Breadcrumbs separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
          <Anchor component={Link} to="/campaigns" size="sm">
            {t('campaigns.title')}
          </Anchor>
          <Anchor component={Link} to={`/campaigns/${campaignId}`} size="sm">
            {sheet.campaign.name}
          </Anchor>
          <Text size="sm" aria-current="page">
            {p.unitName}
          </Text>
        </Breadcrumbs>
      </nav>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{t('campaigns.sheet.title', { unit: p.unitName })}</Title>
          <Group gap="xs">
            <StatusBadge status={p.status} />
            <Text size="sm" c="dimmed">
              {t('campaigns.sheet.deadline', {
                date: deadlineText(
                  p.reopened?.until ?? sheet.campaign.deadlines.selfAssessment,
                  language,
                ),
              })}
            </Text>
          </Group>
        </Stack>
        <Anchor component={Link} to={`/campaigns/${campaignId}/units/${p.unitId}/scorecard`}>
          {t('campaigns.sheet.scorecardLink')}
        </Anchor>
      </Group>

      <StateBanner participant={p} deadlines={sheet.campaign.deadlines} />

      <Paper withBorder p="md" component="section" aria-labelledby="progress-title">
        <Title order={3} size="h4" id="progress-title" mb="xs">
          {t('campaigns.sheet.progressTitle')}
        </Title>
        <Progress
          value={percentOf(progress.leavesDone, progress.leavesTotal)}
          aria-label={t('campaigns.sheet.progressTitle')}
          size="lg"
          mb="xs"
        />
        <Text size="sm">
          {t('campaigns.sheet.progressText', {
            done: progress.leavesDone,
            total: progress.leavesTotal,
            points: points(progress.pointsEntered),
            max: points(progress.maxHundredths),
          })}
        </Text>
        {progress.blockingProblems > 0 ? (
          <Text size="sm" mt={4} data-testid="left-to-do">
            {t('campaigns.sheet.leftText', {
              count: progress.blockingProblems,
              codes: leftCodes.join(', '),
            })}
          </Text>
        ) : (
          <Text size="sm" mt={4} c="green">
            {/* "Ready to submit" only while it can be submitted. */}
            {t(
              SELF_EDITABLE.has(p.status) && editable
                ? 'campaigns.sheet.allDone'
                : 'campaigns.sheet.allDoneLocked',
            )}
          </Text>
        )}
        {progress.problems.length > 0 ? (
          <Stack gap={2} mt="xs">
            {progress.problems.map((pr, i) => (
              <Text key={i} size="sm" c="orange">
                {t('campaigns.sheet.problemLine', { code: pr.code, message: pr.message })}
              </Text>
            ))}
          </Stack>
        ) : null}
        <UnitActions
          campaignId={campaignId}
          participant={p}
          possibleActions={sheet.possibleActions}
          blockingProblems={progress.blockingProblems}
        />
      </Paper>

      <PreSubmissionCheck campaignId={campaignId} unitId={p.unitId} canRecheck={unitSide} />

      {/* From submission on, the state banner says why the sheet is read only. */}
      {lockReason && unitSide && SELF_EDITABLE.has(p.status) ? (
        <Alert color="gray" variant="light" title={t('campaigns.sheet.readOnly')} role="status">
          {lockReason}
        </Alert>
      ) : null}

      <Accordion multiple variant="separated" chevronPosition="left">
        <NodeList
          nodes={sheet.nodes}
          render={(node) => (
            <LeafBody
              key={`${node.code}:${resets[node.code] ?? 0}`}
              node={node}
              sheet={sheet}
              editable={editable}
              explaining={explaining && sheet.findings.includes(node.code)}
              onSaved={refreshSheet}
              onReload={() => reload(node.code)}
            />
          )}
          findings={sheet.findings}
          left={leftCodes}
        />
      </Accordion>
    </Stack>
  );
}

function NodeList({
  nodes,
  render,
  findings,
  left,
}: {
  nodes: SheetNode[];
  render: (node: SheetNode) => React.ReactNode;
  findings: string[];
  left: string[];
}) {
  const { t } = useTranslation();
  return (
    <>
      {nodes.map((node) =>
        node.isLeaf ? (
          <Accordion.Item key={node.code} value={node.code}>
            <Accordion.Control>
              <Group gap="xs" wrap="wrap" justify="space-between">
                <Text fw={500} size="sm" style={{ flex: '1 1 16rem' }}>
                  {node.code}. {node.title}
                </Text>
                <Group gap={6}>
                  <Text size="sm" c="dimmed">
                    {t('campaigns.maxPoints', { max: points(node.maxHundredths) })}
                  </Text>
                  {findings.includes(node.code) ? (
                    <Badge color="red" variant="light">
                      {t('campaigns.sheet.finding')}
                    </Badge>
                  ) : left.includes(node.code) ? (
                    <Badge color="gray" variant="light">
                      {t('campaigns.sheet.todo')}
                    </Badge>
                  ) : (
                    <Badge color="green" variant="light">
                      {node.entry?.self.notApplicable
                        ? t('campaigns.self.notApplicable')
                        : points(node.entry?.self.score ?? 0)}
                    </Badge>
                  )}
                </Group>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>{render(node)}</Accordion.Panel>
          </Accordion.Item>
        ) : (
          <Stack key={node.code} gap="xs">
            <Group justify="space-between" mt="sm" wrap="wrap">
              <Title order={3} size="h5">
                {node.code}. {node.title}
              </Title>
              <Text size="sm" c="dimmed">
                {t('campaigns.maxPoints', { max: points(node.maxHundredths) })}
              </Text>
            </Group>
            <NodeList nodes={node.children} render={render} findings={findings} left={left} />
          </Stack>
        ),
      )}
    </>
  );
}

/** A leaf's panel: self-assessment (editable or read), round 1, explanation, round 2. */
function LeafBody({
  node,
  sheet,
  editable,
  explaining,
  onSaved,
  onReload,
}: {
  node: SheetNode;
  sheet: Sheet;
  editable: boolean;
  explaining: boolean;
  onSaved: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const e = node.entry;
  return (
    <Stack gap="md">
      {node.guidance ? (
        <Text size="sm" c="dimmed">
          {node.guidance}
        </Text>
      ) : null}
      {node.evidenceExpected ? (
        <Text size="sm">
          {t('campaigns.sheet.evidenceExpected')}: {node.evidenceExpected}
        </Text>
      ) : null}
      {editable ? (
        <SelfEditor
          campaignId={sheet.campaign.id}
          unitId={sheet.participant.unitId}
          node={node}
          onSaved={onSaved}
          onReload={onReload}
        />
      ) : (
        <SelfView node={node} />
      )}
      {e?.round1 ? (
        <Paper withBorder p="sm" bg="gray.0">
          <Text size="sm" fw={600}>
            {t('campaigns.round1.title')}:{' '}
            {e.round1.notApplicable
              ? t('campaigns.self.notApplicable')
              : t('campaigns.scoreOfMax', {
                  score: points(e.round1.score ?? 0),
                  max: points(node.maxHundredths),
                })}
          </Text>
          {e.round1.reason ? (
            <Text size="sm">{t('campaigns.round1.reasonLine', { reason: e.round1.reason })}</Text>
          ) : null}
          {e.round1.needsExplanation ? (
            <Badge color="orange" variant="light" mt={4}>
              {t('campaigns.round1.needsExplanation')}
            </Badge>
          ) : null}
        </Paper>
      ) : null}
      {explaining ? (
        <ExplanationEditor node={node} sheet={sheet} onSaved={onSaved} />
      ) : e?.explanation ? (
        <Paper withBorder p="sm">
          <Text size="sm" fw={600}>
            {t('campaigns.explanation.title')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {e.explanation.text}
          </Text>
          <EvidenceList ids={e.explanation.evidence} />
        </Paper>
      ) : null}
      {e?.round2 ? (
        <Paper withBorder p="sm" bg="gray.0">
          <Text size="sm" fw={600}>
            {t('campaigns.round2.title')}:{' '}
            {t(`campaigns.round2.dispositions.${e.round2.disposition}`)}
            {e.round2.score !== null ? ` · ${points(e.round2.score)}` : ''}
          </Text>
          {e.round2.reason ? <Text size="sm">{e.round2.reason}</Text> : null}
        </Paper>
      ) : null}
    </Stack>
  );
}

/** The self-assessment of a leaf, read-only. */
export function SelfView({
  node,
}: {
  node: Pick<SheetNode, 'inputs' | 'kind' | 'maxHundredths' | 'entry'>;
}) {
  const { t } = useTranslation();
  const labelOf = useInputLabel();
  const self = node.entry?.self;
  if (!self || (self.inputs === null && self.score === null && !self.notApplicable))
    return (
      <Text size="sm" c="dimmed">
        {t('campaigns.self.nothingYet')}
      </Text>
    );
  const value = (key: string): string => {
    const v = self.inputs?.[key];
    if (v === undefined) return t('common.none');
    if (v === null) return t('campaigns.inputs.notIssued');
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (typeof v === 'object') return `${v.numerator} / ${v.denominator}`;
    if (key === 'score' && typeof v === 'number') return points(v);
    return String(v);
  };
  return (
    <Stack gap={6}>
      {node.inputs
        .filter((d) => self.inputs && d.key in self.inputs)
        .map((d) => (
          <Text key={d.key} size="sm">
            {labelOf(d, node.kind)}:{' '}
            <Text span fw={500}>
              {value(d.key)}
            </Text>
          </Text>
        ))}
      <ComputedScore
        score={self.notApplicable ? 'na' : self.score}
        working={self.working}
        max={node.maxHundredths}
      />
      <Text size="sm">
        {t('campaigns.self.explanation')}:{' '}
        {self.explanation ? (
          <Text span style={{ whiteSpace: 'pre-wrap' }}>
            {self.explanation}
          </Text>
        ) : (
          t('common.none')
        )}
      </Text>
      <Text size="sm" fw={500}>
        {t('campaigns.self.evidence')}
      </Text>
      <EvidenceList ids={self.evidence} />
    </Stack>
  );
}

/** The unit's answer to one round-1 finding: text and evidence, saved on demand. */
function ExplanationEditor({
  node,
  sheet,
  onSaved,
}: {
  node: SheetNode;
  sheet: Sheet;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const e = node.entry;
  const [text, setText] = useState(e?.explanation?.text ?? '');
  const [evidence, setEvidence] = useState<number[]>((e?.explanation?.evidence ?? []).map(Number));
  const [version, setVersion] = useState(e?.version ?? 0);
  const [saved, setSaved] = useState(false);
  const save = useCampaignMutation(() =>
    campaignApi.saveExplanation(sheet.campaign.id, sheet.participant.unitId, node.code, {
      version,
      text,
      evidence,
    }),
  );
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Title order={4} size="h6">
          {t('campaigns.explanation.title')}
        </Title>
        <Textarea
          label={t('campaigns.explanation.text')}
          autosize
          minRows={3}
          value={text}
          onChange={(ev) => {
            setText(ev.currentTarget.value);
            setSaved(false);
          }}
          required
        />
        <EvidenceField
          unitId={sheet.participant.unitId}
          ids={evidence}
          onChange={(ids) => {
            setEvidence(ids);
            setSaved(false);
          }}
          label={t('campaigns.explanation.evidence')}
        />
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <Group>
          <Button
            size="sm"
            loading={save.isPending}
            disabled={text.trim() === ''}
            onClick={() =>
              save.mutate(undefined, {
                onSuccess: (r) => {
                  setVersion(r.version);
                  setSaved(true);
                  onSaved();
                },
              })
            }
          >
            {t('campaigns.explanation.save')}
          </Button>
          {saved ? (
            <Text size="sm" c="green" role="status">
              {t('campaigns.save.saved')}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
