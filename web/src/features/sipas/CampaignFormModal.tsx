/**
 * Creating or editing a survey campaign: name, period, status, questionnaire, owner, fields of
 * service, channels, which levels count as satisfied, the overall method, the margin of error, and
 * the units with their number of transactions per field; the sample target n = N/(1+N·e²) of each
 * is shown with its formula as the numbers are typed. The server checks everything again and names
 * each problem.
 */
import {
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  ActionIcon,
} from '@mantine/core';
import { ANSWER_LABELS } from '@domain/sipas/questionnaire.ts';
import { DEFAULT_SERVICE_FIELDS } from '@domain/sipas/sample.ts';
import { formatPointsCompact } from '@domain/scoring/decimal.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { UnitPicker, type PickedUnit } from '../../components/UnitPicker.tsx';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import {
  SIPAS_CHANNELS,
  sipasApi,
  type CampaignInput,
  type OverallMethod,
  type SipasCampaign,
  type SipasChannel,
  type SipasStatus,
} from './api.ts';
import { useQuestionnaires, useSipasMutation } from './hooks.ts';
import { liveSample, parseCount, parseMarginPercent } from './logic.ts';
import { DateField } from '../../components/DateField.tsx';

interface UnitRow {
  unitId: number;
  name: string;
  transactions: Record<string, string>;
}

export function CampaignFormModal({
  opened,
  campaign,
  onClose,
  onSaved,
}: {
  opened: boolean;
  campaign?: SipasCampaign;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={campaign ? t('sipas.form.editTitle') : t('sipas.form.createTitle')}
      size="xl"
      fullScreen={mobile}
    >
      {opened ? <CampaignForm campaign={campaign} onSaved={onSaved} onCancel={onClose} /> : null}
    </Modal>
  );
}

function CampaignForm({
  campaign,
  onSaved,
  onCancel,
}: {
  campaign: SipasCampaign | undefined;
  onSaved: (id: number) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const questionnaires = useQuestionnaires();
  const year = new Date().getFullYear();
  const [name, setName] = useState(campaign?.name ?? '');
  const [periodStart, setPeriodStart] = useState(campaign?.periodStart ?? `${year}-01-01`);
  const [periodEnd, setPeriodEnd] = useState(campaign?.periodEnd ?? `${year}-12-31`);
  const [status, setStatus] = useState<SipasStatus>(campaign?.status ?? 'open');
  const [questionnaireId, setQuestionnaireId] = useState<string | null>(
    campaign ? String(campaign.questionnaireId) : null,
  );
  const [owner, setOwner] = useState<PickedUnit | null>(
    campaign?.ownerUnitId
      ? {
          id: campaign.ownerUnitId,
          code: '',
          name: campaign.ownerName ?? '',
          parentName: null,
          validTo: null,
        }
      : null,
  );
  const knownFields = [
    ...(campaign?.fields ?? []),
    ...DEFAULT_SERVICE_FIELDS.filter((f) => !campaign?.fields.some((c) => c.id === f.id)),
  ];
  const [fieldIds, setFieldIds] = useState<string[]>(
    campaign?.fields.map((f) => f.id) ?? DEFAULT_SERVICE_FIELDS.slice(0, 4).map((f) => f.id),
  );
  const [channels, setChannels] = useState<string[]>(campaign?.channels ?? [...SIPAS_CHANNELS]);
  const [levels, setLevels] = useState<string[]>((campaign?.satisfiedLevels ?? [4, 5]).map(String));
  // The campaign's answer names its method as a plain string (the contract does not list them).
  const [method, setMethod] = useState<OverallMethod>(
    campaign?.overallMethod === 'overall-question' ? 'overall-question' : 'element-mean',
  );
  const [margin, setMargin] = useState(formatPointsCompact(campaign?.marginOfError ?? 500));
  const [units, setUnits] = useState<UnitRow[]>(
    campaign?.units.map((u) => ({
      unitId: u.unitId,
      name: u.name,
      transactions: Object.fromEntries(
        Object.entries(u.transactions).map(([k, v]) => [k, String(v)]),
      ),
    })) ?? [],
  );
  const [adding, setAdding] = useState<PickedUnit | null>(null);
  const save = useSipasMutation((input: CampaignInput) =>
    campaign
      ? sipasApi.update(campaign.id, { ...input, version: campaign.version })
      : sipasApi.create(input),
  );

  const marginValue = parseMarginPercent(margin);
  const fields = knownFields.filter((f) => fieldIds.includes(f.id));
  const badCounts = units.some((u) =>
    fields.some((f) => parseCount(u.transactions[f.id] ?? '') === undefined),
  );

  const submit = () => {
    if (marginValue === null || !questionnaireId || badCounts) return;
    save.mutate(
      {
        name,
        periodStart,
        periodEnd,
        status,
        ownerUnitId: owner?.id ?? null,
        questionnaireId: Number(questionnaireId),
        fields,
        channels: channels as SipasChannel[],
        satisfiedLevels: levels.map(Number),
        overallMethod: method,
        marginOfError: marginValue,
        units: units.map((u) => ({
          unitId: u.unitId,
          transactions: Object.fromEntries(
            fields.flatMap((f) => {
              const n = parseCount(u.transactions[f.id] ?? '');
              return typeof n === 'number' ? [[f.id, n]] : [];
            }),
          ),
        })),
      },
      { onSuccess: (c) => onSaved(c.id) },
    );
  };

  const err = (field: string) => fieldError(save.error, field);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack>
        <TextInput
          label={t('sipas.fields.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          error={err('name')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField
            label={t('sipas.form.periodStart')}
            value={periodStart}
            onChange={setPeriodStart}
            required
            error={err('periodStart')}
          />
          <DateField
            label={t('sipas.form.periodEnd')}
            value={periodEnd}
            onChange={setPeriodEnd}
            required
            error={err('periodEnd')}
          />
          <Select
            label={t('sipas.fields.status')}
            data={(['setup', 'open', 'closed'] as const).map((s) => ({
              value: s,
              label: t(`sipas.status.${s}`),
            }))}
            value={status}
            onChange={(v) => v && setStatus(v as SipasStatus)}
            allowDeselect={false}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('sipas.fields.questionnaire')}
            data={(questionnaires.data?.items ?? []).map((q) => ({
              value: String(q.id),
              label: `${q.name} (${q.code} ${q.version})`,
            }))}
            value={questionnaireId}
            onChange={setQuestionnaireId}
            required
            error={err('questionnaireId')}
          />
          <UnitPicker
            label={t('sipas.fields.owner')}
            value={owner}
            onChange={setOwner}
            description={t('sipas.form.ownerHint')}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('sipas.fields.fields')}
          data={knownFields.map((f) => ({ value: f.id, label: f.name }))}
          value={fieldIds}
          onChange={setFieldIds}
          error={err('fields')}
        />
        <Checkbox.Group
          label={t('sipas.fields.channels')}
          value={channels}
          onChange={setChannels}
          error={err('channels')}
        >
          <Group gap="md" mt={4}>
            {SIPAS_CHANNELS.map((c) => (
              <Checkbox key={c} value={c} label={t(`sipas.channels.${c}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group
          label={t('sipas.fields.satisfied')}
          description={t('sipas.form.satisfiedHint')}
          value={levels}
          onChange={setLevels}
          error={err('satisfiedLevels')}
        >
          <Group gap="md" mt={4}>
            {([5, 4, 3, 2, 1] as const).map((l) => (
              <Checkbox key={l} value={String(l)} label={ANSWER_LABELS[l]} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('sipas.fields.overallMethod')}
            data={[
              { value: 'element-mean', label: t('sipas.form.methodElementMean') },
              { value: 'overall-question', label: t('sipas.form.methodOverallQuestion') },
            ]}
            value={method}
            onChange={(v) => v && setMethod(v as OverallMethod)}
            allowDeselect={false}
          />
          <TextInput
            label={t('sipas.fields.margin')}
            description={t('sipas.form.marginHint')}
            value={margin}
            onChange={(e) => setMargin(e.currentTarget.value)}
            rightSection="%"
            error={marginValue === null ? t('sipas.form.marginInvalid') : err('marginOfError')}
          />
        </SimpleGrid>

        <Stack gap="xs">
          <Text fw={500} size="sm">
            {t('sipas.form.units')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('sipas.form.unitsHint')}
          </Text>
          <Group align="flex-end">
            <UnitPicker
              label={t('sipas.form.addUnit')}
              value={adding}
              onChange={(u) => {
                if (u && !units.some((x) => x.unitId === u.id)) {
                  setUnits((list) => [...list, { unitId: u.id, name: u.name, transactions: {} }]);
                }
                setAdding(null);
              }}
              excludeIds={units.map((u) => u.unitId)}
            />
          </Group>
          {units.length > 0 ? (
            <Table.ScrollContainer minWidth={Math.max(480, 200 + fields.length * 170)}>
              <Table withTableBorder aria-label={t('sipas.form.units')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('sipas.fields.unit')}</Table.Th>
                    {fields.map((f) => (
                      <Table.Th key={f.id} scope="col">
                        {f.name}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col" />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {units.map((u, i) => (
                    <Table.Tr key={u.unitId}>
                      <Table.Th scope="row" fw={400}>
                        {u.name}
                      </Table.Th>
                      {fields.map((f) => {
                        const text = u.transactions[f.id] ?? '';
                        const n = parseCount(text);
                        const sample = marginValue === null ? null : liveSample(n, marginValue);
                        return (
                          <Table.Td key={f.id}>
                            <TextInput
                              size="xs"
                              inputMode="numeric"
                              aria-label={t('sipas.form.transactionsOf', {
                                unit: u.name,
                                field: f.name,
                              })}
                              value={text}
                              onChange={(e) => {
                                const value = e.currentTarget.value;
                                setUnits((list) =>
                                  list.map((x) =>
                                    x.unitId === u.unitId
                                      ? { ...x, transactions: { ...x.transactions, [f.id]: value } }
                                      : x,
                                  ),
                                );
                              }}
                              error={
                                n === undefined
                                  ? t('sipas.form.countInvalid')
                                  : err(`units[${i}].transactions.${f.id}`)
                              }
                            />
                            {sample ? (
                              <Text size="xs" c="dimmed" mt={2}>
                                {sample.formula}
                              </Text>
                            ) : null}
                          </Table.Td>
                        );
                      })}
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('sipas.form.removeUnit', { unit: u.name })}
                          onClick={() =>
                            setUnits((list) => list.filter((x) => x.unitId !== u.unitId))
                          }
                        >
                          ×
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Stack>
        <ErrorAlert
          error={save.error}
          fields={[
            'name',
            'periodStart',
            'periodEnd',
            'questionnaireId',
            'fields',
            'channels',
            'satisfiedLevels',
            'marginOfError',
          ]}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
