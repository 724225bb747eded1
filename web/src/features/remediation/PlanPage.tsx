/**
 * A remediation plan: the results it starts from, progress per criterion and per official, the
 * what-if projection, every sub-criterion that lost points with its tasks, and the forms to add
 * tasks (unit head) and to report progress with evidence (the official responsible).
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Progress,
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
import { useNavigate, useParams } from 'react-router';
import { parseUserDate } from '@domain/dates.ts';
import {
  MEASURED_METRICS,
  TASK_STATUSES,
  type MeasuredMetric,
  type TaskStatus,
} from '@domain/remediation/plan.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDay } from '../../lib/dates.ts';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { EvidenceField, EvidenceList } from '../campaigns/Evidence.tsx';
import { remediationApi, remediationKeys, type Plan, type PlanItem, type PlanTask } from './api.ts';
import { DocumentText, PLAN_FIELDS } from './DocumentText.tsx';
import { idx, pct, pts } from './format.ts';
import { DraftDocumentButton } from '../documents/DraftDocumentButton.tsx';

const STATUS_COLOR: Record<TaskStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  done: 'green',
  cancelled: 'dark',
};

function Baseline({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const b = plan.baseline;
  if (!b) return null;
  // The unit's result now, as its scorecard and the what-if show it; the plan's starting figures
  // only when the reader does not see the current result.
  const now = plan.current ?? null;
  return (
    <Text size="sm" data-testid="plan-standing">
      {t('remediation.baseline', {
        year: b.campaignYear,
        unit: b.sourceUnitName,
        index: idx(now ? now.indexHundredths : b.indexHundredths),
        class: (now ? now.classLabel : b.classLabel) ?? '—',
        rank: (now ? now.rank : b.rank) ?? '—',
        of: (now ? now.unitsRanked : b.unitsRanked) ?? '—',
      })}
    </Text>
  );
}

function ProgressTables({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const o = plan.progress.overall;
  const table = (
    caption: string,
    head: string,
    rows: { key: string; label: string; total: number; done: number; overdue: number }[],
  ) => (
    <Table striped withTableBorder captionSide="top" fz="sm">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{head}</Table.Th>
          <Table.Th>{t('remediation.tasksCount')}</Table.Th>
          <Table.Th>{t('remediation.doneCount')}</Table.Th>
          <Table.Th>{t('remediation.overdueCount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td>{r.total}</Table.Td>
            <Table.Td>{r.done}</Table.Td>
            <Table.Td c={r.overdue > 0 ? 'red' : undefined}>{r.overdue}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <Card withBorder>
      <Title order={3} size="h4">
        {t('remediation.progressTitle')}
      </Title>
      <Text size="sm" mb="xs">
        {t('remediation.overall', { done: o.done, total: o.total, overdue: o.overdue })}
      </Text>
      <Progress value={o.doneTenths === null ? 0 : o.doneTenths / 10} mb="sm" aria-hidden />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {table(
          t('remediation.byCriterion'),
          t('remediation.criterion'),
          plan.progress.byCriterion.map((c) => ({
            ...c,
            label: c.key ? `${c.key}. ${c.title ?? ''}` : t('remediation.generalTasks'),
          })),
        )}
        {table(
          t('remediation.byOfficial'),
          t('remediation.official'),
          plan.progress.byOfficial.map((c) => ({
            ...c,
            label: c.key ? (c.name ?? c.key) : t('remediation.unassigned'),
          })),
        )}
      </SimpleGrid>
    </Card>
  );
}

function WhatIfPanel({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const [codes, setCodes] = useState<string[]>([]);
  const projection = useQuery({
    queryKey: ['remediation', 'what-if', plan.id, codes],
    queryFn: () => remediationApi.whatIf(plan.id, codes),
    enabled: plan.baseline !== null,
  });
  if (!plan.baseline) return null;
  const p = projection.data;
  const gain = new Map(p?.perItem.map((g) => [g.code, g.indexGained]) ?? []);
  return (
    <Card withBorder>
      <Title order={3} size="h4">
        {t('remediation.whatIf')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('remediation.whatIfHint')}
      </Text>
      <Checkbox.Group value={codes} onChange={setCodes} aria-label={t('remediation.whatIf')}>
        <Stack gap={4}>
          {plan.items.map((i) => (
            <Checkbox
              key={i.code}
              value={i.code}
              label={`${i.code}. ${i.title} (${t('remediation.gainEach', { gain: idx(gain.get(i.code) ?? 0) })})`}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <ErrorAlert error={projection.error} />
      {p ? (
        <Stack gap={2} mt="sm" aria-live="polite">
          <Text size="sm">
            {t('remediation.whatIfNow', {
              index: idx(p.current.indexHundredths),
              class: p.current.classLabel ?? '—',
              rank: p.current.rank,
              of: p.current.unitsRanked,
            })}
          </Text>
          <Text size="sm" fw={600} data-testid="what-if-result">
            {t('remediation.whatIfResult', {
              index: idx(p.projected.indexHundredths),
              gain: idx(p.indexGained),
              class: p.projected.classLabel ?? '—',
              rank: p.projected.rank,
              of: p.projected.unitsRanked,
            })}
          </Text>
        </Stack>
      ) : null}
    </Card>
  );
}

type TargetChoice = 'none' | 'manual' | MeasuredMetric;

function TaskFormModal({
  plan,
  item,
  task,
  onClose,
}: {
  plan: Plan;
  item: PlanItem | null;
  task: PlanTask | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const client = useQueryClient();
  const [content, setContent] = useState(task?.content ?? '');
  const [output, setOutput] = useState(task?.output ?? '');
  const [responsible, setResponsible] = useState<string | null>(
    task?.responsibleUserId ? String(task.responsibleUserId) : null,
  );
  const [label, setLabel] = useState(task?.responsibleLabel ?? '');
  const [deadline, setDeadline] = useState(task?.deadline ? formatDay(task.deadline) : '');
  const [target, setTarget] = useState<TargetChoice>(
    task?.target ? (task.target.metric ?? 'manual') : 'none',
  );
  const [percent, setPercent] = useState<number | string>(
    task?.target ? task.target.targetPercent / 100 : '',
  );
  const [dateError, setDateError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const body = {
        content,
        output,
        responsibleUserId: responsible ? Number(responsible) : null,
        responsibleLabel: label,
        deadline: deadline.trim() ? parseUserDate(deadline) : null,
        targetMetric: target === 'none' || target === 'manual' ? null : target,
        targetPercent:
          target === 'none' || percent === '' ? null : Math.round(Number(percent) * 100),
      };
      if (task) await remediationApi.updateTask(task.id, { ...body, version: task.version });
      else await remediationApi.addTask(plan.id, { ...body, itemId: item?.id ?? null });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: remediationKeys.plan(plan.id) });
      onClose();
    },
  });
  const fields = ['content', 'output', 'responsibleUserId', 'deadline', 'targetPercent'];
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        item
          ? `${t('remediation.addTask')}: ${item.code}. ${item.title}`
          : t('remediation.addGeneralTask')
      }
      fullScreen={mobile}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const bad = deadline.trim() !== '' && !parseUserDate(deadline);
          setDateError(bad ? t('remediation.badDate') : null);
          if (!bad) save.mutate();
        }}
      >
        <Stack>
          <Textarea
            label={t('remediation.taskContent')}
            required
            autosize
            minRows={2}
            value={content}
            onChange={(e) => setContent(e.currentTarget.value)}
            error={fieldError(save.error, 'content')}
          />
          <Textarea
            label={t('remediation.taskOutput')}
            autosize
            value={output}
            onChange={(e) => setOutput(e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('remediation.responsible')}
              clearable
              data={plan.officials.map((o) => ({ value: String(o.id), label: o.fullName }))}
              value={responsible}
              onChange={setResponsible}
              error={fieldError(save.error, 'responsibleUserId')}
            />
            <TextInput
              label={t('remediation.responsibleLabel')}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
            />
            <TextInput
              label={t('remediation.deadline')}
              placeholder={t('remediation.deadlineHint')}
              value={deadline}
              onChange={(e) => setDeadline(e.currentTarget.value)}
              error={dateError ?? fieldError(save.error, 'deadline')}
            />
            <Select
              label={t('remediation.targetMetric')}
              allowDeselect={false}
              data={[
                { value: 'none', label: t('remediation.targetNone') },
                { value: 'manual', label: t('remediation.targetManual') },
                ...MEASURED_METRICS.map((m) => ({ value: m, label: t(`remediation.metric.${m}`) })),
              ]}
              value={target}
              onChange={(v) => setTarget((v ?? 'none') as TargetChoice)}
            />
            {target !== 'none' ? (
              <NumberInput
                label={t('remediation.targetPercent')}
                min={0}
                max={100}
                decimalScale={2}
                decimalSeparator=","
                value={percent}
                onChange={setPercent}
                error={fieldError(save.error, 'targetPercent')}
              />
            ) : null}
          </SimpleGrid>
          <ErrorAlert error={save.error} fields={fields} />
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

function ReportModal({ plan, task, onClose }: { plan: Plan; task: PlanTask; onClose: () => void }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const client = useQueryClient();
  const [status, setStatus] = useState<TaskStatus>(task.status);
  const [note, setNote] = useState(task.progressNote);
  const [current, setCurrent] = useState<number | string>(
    task.target && task.target.metric === null && task.target.currentPercent !== null
      ? task.target.currentPercent / 100
      : '',
  );
  const [evidence, setEvidence] = useState<number[]>(task.evidence);
  const save = useMutation({
    mutationFn: () =>
      remediationApi.report(task.id, {
        version: task.version,
        status,
        progressNote: note,
        currentPercent: current === '' ? null : Math.round(Number(current) * 100),
        evidence,
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: remediationKeys.plan(plan.id) });
      onClose();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('remediation.reportTitle', { task: task.content.slice(0, 80) })}
      fullScreen={mobile}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <Select
            label={t('remediation.statusLabel')}
            allowDeselect={false}
            data={TASK_STATUSES.map((s) => ({ value: s, label: t(`remediation.status.${s}`) }))}
            value={status}
            onChange={(v) => setStatus((v ?? status) as TaskStatus)}
          />
          <Textarea
            label={t('remediation.progressNote')}
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {task.target && task.target.metric === null ? (
            <NumberInput
              label={t('remediation.currentPercent')}
              min={0}
              max={100}
              decimalScale={2}
              decimalSeparator=","
              value={current}
              onChange={setCurrent}
            />
          ) : null}
          <EvidenceField
            unitId={plan.unit.id}
            ids={evidence}
            onChange={setEvidence}
            label={t('remediation.evidence')}
          />
          <Text size="xs" c="dimmed">
            {t('remediation.evidenceHint')}
          </Text>
          <ErrorAlert error={save.error} />
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

function TaskCard({
  plan,
  task,
  onReport,
  onEdit,
  onDelete,
}: {
  plan: Plan;
  task: PlanTask;
  onReport: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const target = task.target;
  return (
    <Card withBorder padding="xs" component="li" aria-label={task.content}>
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Badge color={STATUS_COLOR[task.status]}>{t(`remediation.status.${task.status}`)}</Badge>
          {task.overdue ? <Badge color="red">{t('remediation.overdue')}</Badge> : null}
          {task.mine ? <Badge variant="outline">{t('remediation.mine')}</Badge> : null}
          {task.deadline ? (
            <Text size="xs" c="dimmed">
              {t('remediation.due', { date: formatDay(task.deadline) })}
            </Text>
          ) : null}
        </Group>
        <Text size="sm" fw={500}>
          {task.content}
        </Text>
        {task.output ? (
          <Text size="xs">
            {t('remediation.taskOutput')}: {task.output}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('remediation.responsible')}:{' '}
          {[task.responsibleName, task.responsibleLabel].filter(Boolean).join(' – ') ||
            t('remediation.unassigned')}
        </Text>
        {target ? (
          <Stack gap={2}>
            <Text size="xs">
              {t('remediation.targetLine', {
                metric: target.metric
                  ? t(`remediation.metric.${target.metric}`)
                  : t('remediation.targetManual'),
                current:
                  target.currentPercent === null
                    ? t('remediation.targetUnknown')
                    : pct(target.currentPercent),
                target: pct(target.targetPercent),
              })}
            </Text>
            <Progress
              value={target.progressTenths === null ? 0 : target.progressTenths / 10}
              color={target.met ? 'green' : 'blue'}
              size="sm"
              aria-hidden
            />
            {target.measuredFrom ? (
              <Text size="xs" c="dimmed">
                {t('remediation.measuredFrom', { source: target.measuredFrom })}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        {task.progressNote ? <Text size="xs">{task.progressNote}</Text> : null}
        {task.evidence.length > 0 ? <EvidenceList ids={task.evidence} /> : null}
        <Group gap="xs">
          {task.canReport ? (
            <Button size="xs" variant="light" onClick={onReport}>
              {t('remediation.report')}
            </Button>
          ) : null}
          {plan.permissions.manage ? (
            <>
              <Button size="xs" variant="subtle" onClick={onEdit}>
                {t('remediation.edit')}
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={onDelete}>
                {t('remediation.delete')}
              </Button>
            </>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

export function PlanPage() {
  const { t } = useTranslation();
  const id = Number(useParams().planId);
  const client = useQueryClient();
  const plan = useQuery({
    queryKey: remediationKeys.plan(id),
    queryFn: () => remediationApi.plan(id),
  });
  usePageTitle(plan.data ? `${plan.data.unit.name} · ${plan.data.year}` : t('remediation.plans'));
  const [adding, setAdding] = useState<{ item: PlanItem | null } | null>(null);
  const [editing, setEditing] = useState<PlanTask | null>(null);
  const [reporting, setReporting] = useState<PlanTask | null>(null);
  const [deleting, setDeleting] = useState<PlanTask | null>(null);
  const navigate = useNavigate();
  const [deletingPlan, setDeletingPlan] = useState(false);
  const removePlan = useMutation({
    mutationFn: () => remediationApi.deletePlan(id),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: remediationKeys.plans });
      void navigate('/remediation');
    },
  });
  const remove = useMutation({
    mutationFn: (task: PlanTask) => remediationApi.deleteTask(task.id),
    onSuccess: async () => {
      setDeleting(null);
      await client.invalidateQueries({ queryKey: remediationKeys.plan(id) });
    },
  });
  if (plan.isLoading) return <LoadingState />;
  if (!plan.data) return <ErrorAlert error={plan.error} />;
  const p = plan.data;
  const tasksOf = (itemId: number | null) => p.tasks.filter((x) => x.itemId === itemId);
  const taskList = (tasks: PlanTask[]) =>
    tasks.length === 0 ? (
      <Text size="sm" c="dimmed">
        {t('remediation.noTasks')}
      </Text>
    ) : (
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {tasks.map((task) => (
          <TaskCard
            key={task.id}
            plan={p}
            task={task}
            onReport={() => setReporting(task)}
            onEdit={() => setEditing(task)}
            onDelete={() => setDeleting(task)}
          />
        ))}
      </Stack>
    );
  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Title order={2}>
            {p.unit.name} · {p.year}
          </Title>
          <Text size="sm">{p.title}</Text>
          <Baseline plan={p} />
        </Stack>
        <Group gap="sm">
          <Anchor href={`/api/v1/remediation-plans/${p.id}/export.xlsx`}>
            {t('remediation.exportXlsx')}
          </Anchor>
          <DraftDocumentButton
            request={{ type: 'remediation_plan', planId: p.id }}
            annexUrl={`/api/v1/remediation-plans/${p.id}/export.xlsx`}
          />
          {p.permissions.manage ? (
            <Button size="xs" variant="subtle" color="red" onClick={() => setDeletingPlan(true)}>
              {t('remediation.deletePlan')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <ProgressTables plan={p} />
      <DocumentText
        fields={PLAN_FIELDS}
        document={p.document}
        canEdit={p.permissions.manage}
        onSave={async (document) => {
          await remediationApi.updatePlan(p.id, { version: p.version, title: p.title, document });
          await client.invalidateQueries({ queryKey: remediationKeys.plan(p.id) });
        }}
      />
      <WhatIfPanel plan={p} />
      <section aria-labelledby="items-title">
        <Title order={3} size="h4" id="items-title" mb="xs">
          {t('remediation.itemsTitle')}
        </Title>
        <Stack>
          {p.items.map((item) => (
            <Card key={item.id} withBorder component="article" aria-labelledby={`item-${item.id}`}>
              <Group justify="space-between" align="flex-start" wrap="wrap">
                <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                  <Title order={4} size="h5" id={`item-${item.id}`}>
                    {item.code}. {item.title}
                  </Title>
                  <Text size="sm">
                    {t('remediation.itemPoints', {
                      max: pts(item.maxHundredths),
                      self: pts(item.selfHundredths),
                      appraised: pts(item.appraisedHundredths),
                      lost: pts(item.lostHundredths),
                    })}
                  </Text>
                  <Text size="sm" c={item.reason ? undefined : 'dimmed'}>
                    {t('remediation.reason')}: {item.reason ?? t('remediation.noReason')}
                  </Text>
                </Stack>
                {p.permissions.manage ? (
                  <Button size="xs" onClick={() => setAdding({ item })}>
                    {t('remediation.addTask')}
                  </Button>
                ) : null}
              </Group>
              <Stack mt="xs">{taskList(tasksOf(item.id))}</Stack>
            </Card>
          ))}
          <Card withBorder component="article" aria-labelledby="general-tasks">
            <Group justify="space-between">
              <Title order={4} size="h5" id="general-tasks">
                {t('remediation.generalTasks')}
              </Title>
              {p.permissions.manage ? (
                <Button size="xs" onClick={() => setAdding({ item: null })}>
                  {t('remediation.addGeneralTask')}
                </Button>
              ) : null}
            </Group>
            <Stack mt="xs">{taskList(tasksOf(null))}</Stack>
          </Card>
        </Stack>
      </section>
      {adding ? (
        <TaskFormModal plan={p} item={adding.item} task={null} onClose={() => setAdding(null)} />
      ) : null}
      {editing ? (
        <TaskFormModal plan={p} item={null} task={editing} onClose={() => setEditing(null)} />
      ) : null}
      {reporting ? (
        <ReportModal plan={p} task={reporting} onClose={() => setReporting(null)} />
      ) : null}
      <ConfirmDialog
        opened={deletingPlan}
        title={t('remediation.deletePlan')}
        message={t('remediation.deletePlanConfirm', { unit: p.unit.name, year: p.year })}
        confirmLabel={t('remediation.deletePlan')}
        color="red"
        loading={removePlan.isPending}
        onConfirm={() => removePlan.mutate()}
        onClose={() => setDeletingPlan(false)}
      >
        <ErrorAlert error={removePlan.error} />
      </ConfirmDialog>
      <ConfirmDialog
        opened={deleting !== null}
        title={t('remediation.delete')}
        message={
          deleting ? t('remediation.deleteConfirm', { task: deleting.content.slice(0, 80) }) : ''
        }
        confirmLabel={t('remediation.delete')}
        color="red"
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      >
        <ErrorAlert error={remove.error} />
      </ConfirmDialog>
    </Stack>
  );
}
