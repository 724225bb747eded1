/**
 * A People's Council supervision: the plan, period and team; findings per sub-criterion in the
 * notice's three groups and wording; the unit's results and remediation plan side by side (a
 * lost point becomes a finding in one click, a finding becomes a task of the plan); the
 * recommendations.
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FINDING_GROUPS, type FindingGroup } from '@domain/remediation/supervision.ts';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDay } from '../../lib/dates.ts';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import {
  remediationApi,
  remediationKeys,
  type Finding,
  type FindingInput,
  type Recommendation,
  type Supervision,
} from './api.ts';
import { DocumentText, SUPERVISION_FIELDS } from './DocumentText.tsx';
import { idx, parsePts, pts } from './format.ts';
import { DraftDocumentButton } from '../documents/DraftDocumentButton.tsx';

type Draft = Omit<FindingInput, 'maxHundredths' | 'selfHundredths' | 'appraisedHundredths'> & {
  max: string;
  self: string;
  appraised: string;
};

const emptyDraft: Draft = {
  group: 'fix_now',
  code: '',
  title: '',
  max: '',
  self: '',
  appraised: '',
  reason: '',
  reference: '',
};

function FindingModal({
  supervision,
  initial,
  onClose,
}: {
  supervision: Supervision;
  initial: Draft;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const client = useQueryClient();
  const [d, setD] = useState<Draft>(initial);
  const [pointsError, setPointsError] = useState<string | null>(null);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const save = useMutation({
    mutationFn: () =>
      remediationApi.addFinding(supervision.id, {
        group: d.group,
        code: d.code,
        title: d.title,
        reason: d.reason,
        reference: d.reference,
        maxHundredths: parsePts(d.max) ?? null,
        selfHundredths: parsePts(d.self) ?? null,
        appraisedHundredths: parsePts(d.appraised) ?? null,
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: remediationKeys.supervision(supervision.id) });
      onClose();
    },
  });
  const fields = ['code', 'title', 'maxHundredths', 'selfHundredths', 'appraisedHundredths'];
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('remediation.addFinding')}
      fullScreen={mobile}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const bad = [d.max, d.self, d.appraised].some((x) => parsePts(x) === undefined);
          setPointsError(bad ? t('remediation.badPoints') : null);
          if (!bad) save.mutate();
        }}
      >
        <Stack>
          <Select
            label={t('remediation.groupLabel')}
            allowDeselect={false}
            data={FINDING_GROUPS.map((g) => ({ value: g, label: t(`remediation.group.${g}`) }))}
            value={d.group}
            onChange={(v) => set({ group: (v ?? d.group) as FindingGroup })}
          />
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <TextInput
              label={t('remediation.findingCode')}
              required
              value={d.code}
              onChange={(e) => set({ code: e.currentTarget.value })}
              error={fieldError(save.error, 'code')}
            />
            <TextInput
              label={t('remediation.max')}
              value={d.max}
              onChange={(e) => set({ max: e.currentTarget.value })}
            />
            <TextInput
              label={t('remediation.self')}
              value={d.self}
              onChange={(e) => set({ self: e.currentTarget.value })}
              error={fieldError(save.error, 'selfHundredths')}
            />
            <TextInput
              label={t('remediation.appraised')}
              value={d.appraised}
              onChange={(e) => set({ appraised: e.currentTarget.value })}
              error={fieldError(save.error, 'appraisedHundredths')}
            />
          </SimpleGrid>
          {pointsError ? (
            <Text c="red" size="sm">
              {pointsError}
            </Text>
          ) : null}
          <TextInput
            label={t('remediation.findingTitle')}
            required
            value={d.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={fieldError(save.error, 'title')}
          />
          <Textarea
            label={t('remediation.reason')}
            autosize
            minRows={2}
            value={d.reason}
            onChange={(e) => set({ reason: e.currentTarget.value })}
          />
          <TextInput
            label={t('remediation.reference')}
            value={d.reference}
            onChange={(e) => set({ reference: e.currentTarget.value })}
          />
          <ErrorAlert error={save.error} fields={fields} />
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

function FindingCard({ s, f }: { s: Supervision; f: Finding }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const toTask = useMutation({
    mutationFn: () =>
      remediationApi.addTask(s.plan!.id, {
        findingId: f.id,
        content: f.text,
        output: '',
        responsibleUserId: null,
        responsibleLabel: '',
        deadline: null,
        targetMetric: null,
        targetPercent: null,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['remediation'] }),
  });
  const remove = useMutation({
    mutationFn: () => remediationApi.deleteFinding(f.id),
    onSuccess: () => void client.invalidateQueries({ queryKey: remediationKeys.supervision(s.id) }),
  });
  return (
    <Card withBorder padding="xs" component="li">
      <Stack gap={4}>
        <Text size="sm">{f.text}</Text>
        {f.reference ? (
          <Text size="xs" c="dimmed">
            {f.reference}
          </Text>
        ) : null}
        <Group gap="xs">
          {f.tasks.length > 0 ? (
            <Badge color="green" variant="light">
              {t('remediation.inPlan')}
            </Badge>
          ) : s.plan?.permissions.manage ? (
            <Button
              size="xs"
              variant="light"
              loading={toTask.isPending}
              onClick={() => toTask.mutate()}
            >
              {t('remediation.toTask')}
            </Button>
          ) : null}
          {s.permissions.manage ? (
            <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate()}>
              {t('remediation.delete')}
            </Button>
          ) : null}
        </Group>
        <ErrorAlert error={toTask.error ?? remove.error} />
      </Stack>
    </Card>
  );
}

function Recommendations({ s }: { s: Supervision }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [audience, setAudience] = useState<Recommendation['audience']>('leadership');
  const [text, setText] = useState('');
  const save = useMutation({
    mutationFn: (recommendations: Recommendation[]) =>
      remediationApi.updateSupervision(s.id, {
        version: s.version,
        planNumber: s.planNumber,
        planDate: s.planDate,
        periodFrom: s.periodFrom,
        periodTo: s.periodTo,
        periodLabel: s.periodLabel,
        members: s.members,
        campaignId: s.campaignId,
        sourceUnitId: s.sourceUnitId,
        recommendations,
      }),
    onSuccess: (data) => {
      client.setQueryData(remediationKeys.supervision(s.id), data);
      setText('');
    },
  });
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">
        {t('remediation.recommendations')}
      </Title>
      {(['leadership', 'officers'] as const).map((a) => (
        <Stack key={a} gap={4} mb="sm">
          <Text fw={600} size="sm">
            {t(`remediation.audience.${a}`)}
          </Text>
          {s.recommendations
            .filter((r) => r.audience === a)
            .map((r, i) => (
              <Text key={i} size="sm">
                – {r.text}
              </Text>
            ))}
        </Stack>
      ))}
      {s.permissions.manage ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate([...s.recommendations, { audience, text }]);
          }}
        >
          <Stack gap="xs">
            <Select
              label={t('remediation.audienceLabel')}
              allowDeselect={false}
              data={(['leadership', 'officers'] as const).map((a) => ({
                value: a,
                label: t(`remediation.audience.${a}`),
              }))}
              value={audience}
              onChange={(v) => setAudience((v ?? audience) as Recommendation['audience'])}
            />
            <Textarea
              label={t('remediation.recommendationText')}
              autosize
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <ErrorAlert error={save.error} />
            <Button type="submit" size="xs" disabled={text.trim() === ''} loading={save.isPending}>
              {t('remediation.addRecommendation')}
            </Button>
          </Stack>
        </form>
      ) : null}
    </Card>
  );
}

export function SupervisionPage() {
  const { t } = useTranslation();
  const id = Number(useParams().supervisionId);
  const q = useQuery({
    queryKey: remediationKeys.supervision(id),
    queryFn: () => remediationApi.supervision(id),
  });
  usePageTitle(q.data ? t('remediation.supervisionOf', { unit: q.data.unit.name }) : null);
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft | null>(null);
  if (q.isLoading) return <LoadingState />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const s = q.data;
  const recorded = new Set(s.findings.map((f) => f.code));
  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={2}>{t('remediation.supervisionOf', { unit: s.unit.name })}</Title>
          <Text size="sm">
            {t('remediation.planLine', {
              number: s.planNumber,
              date: s.planDate ? formatDay(s.planDate) : '—',
              period: s.periodLabel || `${formatDay(s.periodFrom)} – ${formatDay(s.periodTo)}`,
            })}
          </Text>
        </Stack>
        <Group gap="sm">
          <Anchor href={`/api/v1/supervisions/${s.id}/export.xlsx`}>
            {t('remediation.exportXlsx')}
          </Anchor>
          <DraftDocumentButton
            request={{ type: 'supervision_notice', supervisionId: s.id }}
            annexUrl={`/api/v1/supervisions/${s.id}/export.xlsx`}
          />
        </Group>
      </Group>
      <Table withTableBorder fz="sm" captionSide="top">
        <Table.Caption>{t('remediation.members')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('remediation.memberName')}</Table.Th>
            <Table.Th>{t('remediation.memberPosition')}</Table.Th>
            <Table.Th>{t('remediation.memberRole')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {s.members.map((m, i) => (
            <Table.Tr key={i}>
              <Table.Td>{m.name}</Table.Td>
              <Table.Td>{m.position}</Table.Td>
              <Table.Td>{m.role}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={3} size="h4" mb="xs">
            {t('remediation.resultsSide')}
          </Title>
          {s.results ? (
            <Stack gap="xs">
              <Text size="sm">
                {t('remediation.baseline', {
                  year: s.results.baseline.campaignYear,
                  unit: s.results.baseline.sourceUnitName,
                  index: idx(s.results.baseline.indexHundredths),
                  class: s.results.baseline.classLabel ?? '—',
                  rank: s.results.baseline.rank ?? '—',
                  of: s.results.baseline.unitsRanked,
                })}
              </Text>
              <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {s.results.lost.map((l) => (
                  <li key={l.code}>
                    <Text size="sm" fw={500}>
                      {l.code}. {l.title}
                    </Text>
                    <Text size="xs">
                      {t('remediation.itemPoints', {
                        max: pts(l.max),
                        self: pts(l.self),
                        appraised: pts(l.appraised),
                        lost: pts(l.lost),
                      })}
                    </Text>
                    {l.reason ? <Text size="xs">{l.reason}</Text> : null}
                    {s.permissions.manage && !recorded.has(l.code) ? (
                      <Button
                        size="xs"
                        variant="light"
                        mt={4}
                        onClick={() =>
                          setDraft({
                            ...emptyDraft,
                            code: l.code,
                            title: l.title,
                            max: pts(l.max),
                            self: l.self === null ? '' : pts(l.self),
                            appraised: pts(l.appraised),
                            reason: l.reason ?? '',
                          })
                        }
                      >
                        {t('remediation.asFinding')} ({l.code})
                      </Button>
                    ) : null}
                  </li>
                ))}
              </Stack>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('remediation.noResults')}
            </Text>
          )}
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="xs">
            {t('remediation.planSide')}
          </Title>
          {s.plan ? (
            <Stack gap="xs">
              <Anchor component={Link} to={`/remediation/plans/${s.plan.id}`}>
                {s.plan.title}
              </Anchor>
              <Text size="sm">
                {t('remediation.overall', {
                  done: s.plan.progress.overall.done,
                  total: s.plan.progress.overall.total,
                  overdue: s.plan.progress.overall.overdue,
                })}
              </Text>
              {s.plan.items.map((i) => {
                const tasks = s.plan!.tasks.filter((x) => x.itemId === i.id);
                return (
                  <Text key={i.id} size="xs">
                    {i.code}. {i.title}: {tasks.filter((x) => x.status === 'done').length}/
                    {tasks.length}
                  </Text>
                );
              })}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('remediation.noPlanYet')}
            </Text>
          )}
        </Card>
      </SimpleGrid>
      <section aria-labelledby="findings-title">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h4" id="findings-title">
            {t('remediation.findings')}
          </Title>
          {s.permissions.manage ? (
            <Button size="xs" onClick={() => setDraft(emptyDraft)}>
              {t('remediation.addFinding')}
            </Button>
          ) : null}
        </Group>
        {s.findings.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('remediation.noFindings')}
          </Text>
        ) : null}
        {FINDING_GROUPS.map((g) => {
          const list = s.findings.filter((f) => f.group === g);
          if (list.length === 0) return null;
          return (
            <Stack key={g} gap="xs" mb="md" role="group" aria-label={t(`remediation.group.${g}`)}>
              <Text fw={600}>{t(`remediation.group.${g}`)}</Text>
              <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {list.map((f) => (
                  <FindingCard key={f.id} s={s} f={f} />
                ))}
              </Stack>
            </Stack>
          );
        })}
      </section>
      <Recommendations s={s} />
      <DocumentText
        fields={SUPERVISION_FIELDS}
        document={s.document}
        canEdit={s.permissions.manage}
        onSave={async (document) => {
          const data = await remediationApi.updateSupervision(s.id, {
            version: s.version,
            planNumber: s.planNumber,
            planDate: s.planDate,
            periodFrom: s.periodFrom,
            periodTo: s.periodTo,
            periodLabel: s.periodLabel,
            members: s.members,
            campaignId: s.campaignId,
            sourceUnitId: s.sourceUnitId,
            recommendations: s.recommendations,
            document,
          });
          client.setQueryData(remediationKeys.supervision(s.id), data);
        }}
      />
      {draft ? (
        <FindingModal supervision={s} initial={draft} onClose={() => setDraft(null)} />
      ) : null}
    </Stack>
  );
}
