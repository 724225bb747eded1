/**
 * Remediation plans and People's Council supervisions of the units in the user's scope, with the
 * forms to make a plan from a unit's results and to record a supervision.
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  CloseButton,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { parseUserDate } from '@domain/dates.ts';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { UnitPicker, type PickedUnit } from '../../components/UnitPicker.tsx';
import { formatDay } from '../../lib/dates.ts';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useSession } from '../../lib/session.tsx';
import { remediationApi, remediationKeys, type Member } from './api.ts';
import { grantUnits, idx } from './format.ts';

/** Picks one of the user's units for a permission (or any unit for national grants). */
function UnitChoice({
  permission,
  value,
  onChange,
}: {
  permission: 'remediation.manage' | 'supervision.manage';
  value: { id: number; name: string } | null;
  onChange: (u: { id: number; name: string } | null) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const { national, units } = grantUnits(session, permission);
  const [picked, setPicked] = useState<PickedUnit | null>(null);
  const only = !national && units.length === 1 ? units[0]! : null;
  // A user of one unit does not have to choose it.
  useEffect(() => {
    if (only && value === null) onChange(only);
  }, [only, value, onChange]);
  if (national)
    return (
      <UnitPicker
        label={t('remediation.unit')}
        value={picked}
        currentOnly
        required
        onChange={(u) => {
          setPicked(u);
          onChange(u ? { id: u.id, name: u.name } : null);
        }}
      />
    );
  return (
    <Select
      label={t('remediation.unit')}
      required
      data={units.map((u) => ({ value: String(u.id), label: u.name }))}
      value={value ? String(value.id) : null}
      onChange={(v) => onChange(units.find((u) => String(u.id) === v) ?? null)}
    />
  );
}

/** Results a plan or supervision can start from. */
function SourceSelect({
  unitId,
  value,
  onChange,
  required = false,
}: {
  unitId: number | null;
  value: string | null;
  onChange: (v: string | null) => void;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const sources = useQuery({
    queryKey: ['remediation', 'sources', unitId],
    queryFn: () => remediationApi.sources(unitId!),
    enabled: unitId !== null,
  });
  const list = sources.data?.sources ?? [];
  return (
    <Stack gap={4}>
      <Select
        label={t('remediation.source')}
        required={required}
        disabled={unitId === null}
        data={list.map((s) => ({
          value: `${s.campaignId}:${s.unitId}`,
          label: t('remediation.sourceOption', { campaign: s.campaignName, unit: s.unitName }),
        }))}
        value={value}
        onChange={onChange}
      />
      {unitId !== null && sources.isSuccess && list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('remediation.noSources')}
        </Text>
      ) : null}
      <ErrorAlert error={sources.error} />
    </Stack>
  );
}

function NewPlanModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const [unit, setUnit] = useState<{ id: number; name: string } | null>(null);
  const [year, setYear] = useState<number | string>(new Date().getFullYear());
  const [source, setSource] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => {
      const [campaignId, sourceUnitId] = (source ?? '0:0').split(':').map(Number);
      return remediationApi.createPlan(unit!.id, {
        year: Number(year),
        campaignId: campaignId!,
        sourceUnitId: sourceUnitId!,
      });
    },
    onSuccess: (plan) => void navigate(`/remediation/plans/${plan.id}`),
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('remediation.newPlan')}
      fullScreen={mobile}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack>
          <UnitChoice permission="remediation.manage" value={unit} onChange={setUnit} />
          <NumberInput
            label={t('remediation.year')}
            value={year}
            onChange={setYear}
            min={2000}
            max={2100}
            required
            error={fieldError(create.error, 'year')}
          />
          <SourceSelect unitId={unit?.id ?? null} value={source} onChange={setSource} required />
          <ErrorAlert error={create.error} fields={['year']} />
          <Button type="submit" loading={create.isPending} disabled={!unit || !source}>
            {t('remediation.create')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

function NewSupervisionModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const [unit, setUnit] = useState<{ id: number; name: string } | null>(null);
  const [planNumber, setPlanNumber] = useState('');
  const [planDate, setPlanDate] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [label, setLabel] = useState('');
  const [source, setSource] = useState<string | null>(null);
  const [members, setMembers] = useState<Member[]>([{ name: '', position: '', role: '' }]);
  const [dateError, setDateError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => {
      const [campaignId, sourceUnitId] = source ? source.split(':').map(Number) : [null, null];
      return remediationApi.createSupervision({
        unitId: unit!.id,
        planNumber,
        planDate: planDate ? parseUserDate(planDate) : null,
        periodFrom: parseUserDate(from) ?? '',
        periodTo: parseUserDate(to) ?? '',
        periodLabel: label,
        members: members.filter((m) => m.name.trim() !== ''),
        campaignId: campaignId ?? null,
        sourceUnitId: sourceUnitId ?? null,
        recommendations: [],
      });
    },
    onSuccess: (s) => void navigate(`/remediation/supervisions/${s.id}`),
  });
  const submit = () => {
    const bad = [planDate, from, to].some((d, i) =>
      i === 0 && d === '' ? false : !parseUserDate(d),
    );
    setDateError(bad ? t('remediation.badDate') : null);
    if (!bad) create.mutate();
  };
  const setMember = (i: number, patch: Partial<Member>) =>
    setMembers((list) => list.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('remediation.newSupervision')}
      fullScreen={mobile}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <UnitChoice permission="supervision.manage" value={unit} onChange={setUnit} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('remediation.planNumber')}
              required
              value={planNumber}
              onChange={(e) => setPlanNumber(e.currentTarget.value)}
              error={fieldError(create.error, 'planNumber')}
            />
            <TextInput
              label={t('remediation.planDate')}
              placeholder={t('remediation.deadlineHint')}
              value={planDate}
              onChange={(e) => setPlanDate(e.currentTarget.value)}
            />
            <TextInput
              label={t('remediation.periodFrom')}
              placeholder={t('remediation.deadlineHint')}
              required
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
            <TextInput
              label={t('remediation.periodTo')}
              placeholder={t('remediation.deadlineHint')}
              required
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              error={fieldError(create.error, 'periodTo')}
            />
          </SimpleGrid>
          {dateError ? (
            <Text c="red" size="sm">
              {dateError}
            </Text>
          ) : null}
          <TextInput
            label={t('remediation.periodLabel')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
          />
          <SourceSelect unitId={unit?.id ?? null} value={source} onChange={setSource} />
          <Stack gap="xs" role="group" aria-label={t('remediation.members')}>
            <Text fw={500} size="sm">
              {t('remediation.members')}
            </Text>
            {members.map((m, i) => (
              <Group key={i} gap="xs" align="flex-end" wrap={mobile ? 'wrap' : 'nowrap'}>
                <TextInput
                  label={t('remediation.memberName')}
                  value={m.name}
                  onChange={(e) => setMember(i, { name: e.currentTarget.value })}
                  style={{ flex: 2 }}
                />
                <TextInput
                  label={t('remediation.memberPosition')}
                  value={m.position}
                  onChange={(e) => setMember(i, { position: e.currentTarget.value })}
                  style={{ flex: 2 }}
                />
                <TextInput
                  label={t('remediation.memberRole')}
                  value={m.role}
                  onChange={(e) => setMember(i, { role: e.currentTarget.value })}
                  style={{ flex: 1 }}
                />
                <CloseButton
                  aria-label={t('remediation.removeMember', { name: m.name || i + 1 })}
                  onClick={() => setMembers((list) => list.filter((_, j) => j !== i))}
                />
              </Group>
            ))}
            <Button
              variant="light"
              size="xs"
              onClick={() => setMembers((list) => [...list, { name: '', position: '', role: '' }])}
            >
              {t('remediation.addMember')}
            </Button>
          </Stack>
          <ErrorAlert error={create.error} fields={['planNumber', 'periodTo']} />
          <Button type="submit" loading={create.isPending} disabled={!unit}>
            {t('remediation.record')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

export function RemediationPage() {
  const { t } = useTranslation();
  const session = useSession();
  usePageTitle(t('remediation.title'));
  const client = useQueryClient();
  const plans = useQuery({ queryKey: remediationKeys.plans, queryFn: remediationApi.plans });
  const supervisions = useQuery({
    queryKey: remediationKeys.supervisions,
    queryFn: remediationApi.supervisions,
  });
  const [newPlan, setNewPlan] = useState(false);
  const [newSupervision, setNewSupervision] = useState(false);
  const canPlan = (() => {
    const g = grantUnits(session, 'remediation.manage');
    return g.national || g.units.length > 0;
  })();
  const canSupervise = (() => {
    const g = grantUnits(session, 'supervision.manage');
    return g.national || g.units.length > 0;
  })();
  if (plans.isLoading || supervisions.isLoading) return <LoadingState />;
  const close = () => {
    setNewPlan(false);
    setNewSupervision(false);
    void client.invalidateQueries({ queryKey: ['remediation'] });
  };
  return (
    <Stack>
      <Title order={2}>{t('remediation.title')}</Title>
      <ErrorAlert error={plans.error ?? supervisions.error} />
      <section aria-labelledby="plans-title">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4" id="plans-title">
            {t('remediation.plans')}
          </Title>
          {canPlan ? (
            <Button onClick={() => setNewPlan(true)}>{t('remediation.newPlan')}</Button>
          ) : null}
        </Group>
        {plans.data?.items.length === 0 ? <Text c="dimmed">{t('remediation.noPlans')}</Text> : null}
        <Stack gap="xs">
          {plans.data?.items.map((p) => (
            <Card key={p.id} withBorder padding="sm">
              <Group justify="space-between" wrap="wrap">
                <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                  <Anchor component={Link} to={`/remediation/plans/${p.id}`} fw={600}>
                    {p.unitName} · {p.year}
                  </Anchor>
                  <Text size="sm" lineClamp={2}>
                    {p.title}
                  </Text>
                  {p.baseline ? (
                    <Text size="xs" c="dimmed">
                      {t('remediation.baseline', {
                        year: p.baseline.campaignYear,
                        unit: p.baseline.sourceUnitName,
                        index: idx(p.baseline.indexHundredths),
                        class: p.baseline.classLabel ?? '—',
                        rank: p.baseline.rank ?? '—',
                        of: p.baseline.unitsRanked,
                      })}
                    </Text>
                  ) : null}
                </Stack>
                <Badge variant="light">
                  {t('remediation.tasksDone', { done: p.done, total: p.tasks })}
                </Badge>
              </Group>
            </Card>
          ))}
        </Stack>
      </section>
      <section aria-labelledby="supervisions-title">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4" id="supervisions-title">
            {t('remediation.supervisions')}
          </Title>
          {canSupervise ? (
            <Button onClick={() => setNewSupervision(true)}>
              {t('remediation.newSupervision')}
            </Button>
          ) : null}
        </Group>
        {supervisions.data?.items.length === 0 ? (
          <Text c="dimmed">{t('remediation.noSupervisions')}</Text>
        ) : null}
        <Stack gap="xs">
          {supervisions.data?.items.map((s) => (
            <Card key={s.id} withBorder padding="sm">
              <Anchor component={Link} to={`/remediation/supervisions/${s.id}`} fw={600}>
                {t('remediation.supervisionOf', { unit: s.unitName })}
              </Anchor>
              <Text size="sm">
                {t('remediation.planLine', {
                  number: s.planNumber,
                  date: s.planDate ? formatDay(s.planDate) : '—',
                  period: s.periodLabel || `${formatDay(s.periodFrom)} – ${formatDay(s.periodTo)}`,
                })}
              </Text>
            </Card>
          ))}
        </Stack>
      </section>
      {newPlan ? <NewPlanModal opened onClose={close} /> : null}
      {newSupervision ? <NewSupervisionModal opened onClose={close} /> : null}
    </Stack>
  );
}
