/**
 * A campaign's common set-up: name, year, the five deadlines, where survey points come from, the
 * appraising agency, and the criteria set of each unit kind with its survey share (sets and the
 * appraising agency change only while in set-up).
 */
import {
  Button,
  CloseButton,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldError } from '../../../components/ErrorAlert.tsx';
import { UnitPicker, type PickedUnit } from '../../../components/UnitPicker.tsx';
import { campaignApi, type Deadlines } from '../api.ts';
import { DEADLINE_KEYS } from '../CreateCampaignModal.tsx';
import { parsePoints, points, pointsInput } from '../format.ts';
import type { CampaignDetail, SurveySource } from './api.ts';
import { useSaveSetup } from './hooks.ts';
import { DateField } from '../../../components/DateField.tsx';

interface SetRow {
  criteriaSetId: string | null;
  unitKind: string;
  survey: string;
}

export function GeneralForm({ detail }: { detail: CampaignDetail }) {
  const { t } = useTranslation();
  const { campaign } = detail;
  const inSetup = campaign.status === 'setup';
  const sets = useQuery({
    queryKey: ['campaigns', 'criteria-sets'],
    queryFn: ({ signal }) => campaignApi.criteriaSets(signal),
  });
  const save = useSaveSetup(campaign.id);
  const [name, setName] = useState(campaign.name);
  const [year, setYear] = useState<number>(campaign.year);
  const [deadlines, setDeadlines] = useState<Deadlines>(campaign.deadlines);
  const [surveySource, setSurveySource] = useState<SurveySource>(campaign.surveySource);
  const [appraising, setAppraising] = useState<PickedUnit | null>(() =>
    campaign.appraisingUnitId === null
      ? null
      : {
          id: campaign.appraisingUnitId,
          code: campaign.appraisingUnitCode ?? '',
          name: campaign.appraisingUnitName ?? '',
          parentName: null,
          validTo: null,
        },
  );
  const [rows, setRows] = useState<SetRow[]>(() =>
    detail.criteriaSets.map((s) => ({
      criteriaSetId: String(s.criteriaSetId),
      unitKind: s.unitKind,
      survey: pointsInput(s.surveyMaxHundredths),
    })),
  );
  const [saved, setSaved] = useState(false);

  const setOptions = (sets.data?.items ?? []).map((s) => ({
    value: String(s.id),
    label: `${s.name} (${s.year}, ${points(s.maxHundredths)})`,
  }));
  const kindOf = (id: string | null) =>
    sets.data?.items.find((s) => String(s.id) === id)?.unitKind ?? '';
  const surveyProblem = (text: string) =>
    text.trim() !== '' && parsePoints(text) === null ? t('campaignSetup.general.badPoints') : null;
  const kinds = rows.map((r) => r.unitKind).filter(Boolean);
  const duplicateKind = kinds.find((k, i) => kinds.indexOf(k) !== i);
  const invalid =
    rows.some((r) => !r.criteriaSetId || surveyProblem(r.survey) !== null) ||
    duplicateKind !== undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (invalid) return;
    setSaved(false);
    save.mutate(
      {
        name,
        year,
        deadlines,
        surveySource,
        bands: campaign.bands,
        version: campaign.version,
        ...(inSetup
          ? {
              appraisingUnitId: appraising?.id ?? null,
              criteriaSets: rows.map((r) => ({
                unitKind: r.unitKind,
                criteriaSetId: Number(r.criteriaSetId),
                surveyMaxHundredths: r.survey.trim() === '' ? null : parsePoints(r.survey),
              })),
            }
          : {}),
      },
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <form onSubmit={submit} aria-labelledby="general-title">
      <Stack>
        <Title order={3} size="h4" id="general-title">
          {t('campaignSetup.general.title')}
        </Title>
        <ErrorAlert
          error={save.error}
          fields={[
            'name',
            'year',
            'surveySource',
            'appraisingUnitId',
            ...DEADLINE_KEYS.map((k) => `deadlines.${k}`),
          ]}
        />
        {saved && !save.isPending ? (
          <Text c="green" role="status">
            {t('campaignSetup.saved')}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('campaigns.fields.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(save.error, 'name')}
          />
          <NumberInput
            label={t('campaigns.fields.year')}
            required
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => setYear(Number(v) || year)}
            error={fieldError(save.error, 'year')}
          />
          {DEADLINE_KEYS.map((key) => (
            <DateField
              key={key}
              required
              label={t(`campaigns.deadlines.${key}`)}
              value={deadlines[key].slice(0, 10)}
              onChange={(value) => setDeadlines((d) => ({ ...d, [key]: value }))}
              error={fieldError(save.error, `deadlines.${key}`)}
            />
          ))}
          <Select
            label={t('campaignSetup.general.surveySource')}
            description={t('campaignSetup.general.surveySourceHint')}
            value={surveySource}
            allowDeselect={false}
            onChange={(v) => setSurveySource((v as SurveySource | null) ?? surveySource)}
            data={(['entered', 'imported', 'sipas'] as const).map((v) => ({
              value: v,
              label: t(`campaignSetup.source.${v}`),
            }))}
          />
          <UnitPicker
            label={t('campaignSetup.general.appraisingUnit')}
            description={
              inSetup
                ? t('campaignSetup.general.appraisingUnitHint')
                : t('campaignSetup.general.appraisingUnitLocked')
            }
            placeholder={campaign.ownerUnitName ?? undefined}
            value={appraising}
            onChange={setAppraising}
            disabled={!inSetup}
            error={fieldError(save.error, 'appraisingUnitId')}
          />
        </SimpleGrid>

        <Stack gap="xs">
          <Title order={4} size="h5" id="sets-title">
            {t('campaignSetup.general.sets')}
          </Title>
          <Text size="sm" c="dimmed">
            {inSetup ? t('campaignSetup.general.setsHint') : t('campaignSetup.general.setsLocked')}
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table aria-labelledby="sets-title" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('campaigns.fields.criteriaSet')}</Table.Th>
                  <Table.Th>{t('campaignSetup.general.unitKind')}</Table.Th>
                  <Table.Th>{t('campaignSetup.general.surveyMax')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => (
                  <Table.Tr key={i}>
                    <Table.Td miw={260}>
                      <Select
                        aria-label={t('campaignSetup.general.setOfRow', { n: i + 1 })}
                        value={r.criteriaSetId}
                        disabled={!inSetup}
                        searchable
                        data={setOptions}
                        onChange={(v) =>
                          setRows((all) =>
                            all.map((x, j) =>
                              j === i ? { ...x, criteriaSetId: v, unitKind: kindOf(v) } : x,
                            ),
                          )
                        }
                        error={
                          duplicateKind !== undefined && r.unitKind === duplicateKind
                            ? t('campaignSetup.general.duplicateKind')
                            : undefined
                        }
                      />
                    </Table.Td>
                    <Table.Td>{r.unitKind || '—'}</Table.Td>
                    <Table.Td w={140}>
                      <TextInput
                        aria-label={t('campaignSetup.general.surveyMaxOfRow', { n: i + 1 })}
                        value={r.survey}
                        disabled={!inSetup}
                        inputMode="decimal"
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          setRows((all) =>
                            all.map((x, j) => (j === i ? { ...x, survey: value } : x)),
                          );
                        }}
                        error={surveyProblem(r.survey)}
                      />
                    </Table.Td>
                    <Table.Td w={40}>
                      {inSetup && rows.length > 1 ? (
                        <CloseButton
                          aria-label={t('campaignSetup.general.removeSet', { n: i + 1 })}
                          onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
                        />
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {inSetup ? (
            <Group>
              <Button
                variant="default"
                size="xs"
                onClick={() =>
                  setRows((all) => [...all, { criteriaSetId: null, unitKind: '', survey: '' }])
                }
              >
                {t('campaignSetup.general.addSet')}
              </Button>
            </Group>
          ) : null}
        </Stack>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={invalid}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
