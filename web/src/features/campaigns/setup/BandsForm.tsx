/**
 * The campaign's class bands as data: label, from %, to % (empty: no upper bound). Until the
 * campaign has its own, the bands of its first criteria set apply and are shown as the start.
 */
import { Button, CloseButton, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validateClassBands, type ClassBand } from '@domain/scoring/index.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { parsePoints, pointsInput } from '../format.ts';
import { setupApi, type CampaignDetail } from './api.ts';
import { setupKeys, useSaveSetup } from './hooks.ts';

interface BandRow {
  label: string;
  from: string;
  to: string;
}

const toRow = (b: ClassBand): BandRow => ({
  label: b.label,
  from: pointsInput(b.fromPercent),
  to: b.toPercent === null ? '' : pointsInput(b.toPercent),
});

/** Rows as bands (percent in hundredths); null when a number cannot be read. */
function toBands(rows: readonly BandRow[]): ClassBand[] | null {
  const bands: ClassBand[] = [];
  for (const r of rows) {
    const from = parsePoints(r.from);
    const to = r.to.trim() === '' ? null : parsePoints(r.to);
    if (from === null || (r.to.trim() !== '' && to === null)) return null;
    bands.push({
      label: r.label.trim(),
      fromPercent: from,
      toPercent: to,
      ...(to === 10000 ? { toInclusive: true } : {}),
    });
  }
  return bands;
}

export function BandsForm({ detail }: { detail: CampaignDetail }) {
  const { t } = useTranslation();
  const { campaign } = detail;
  const firstSet = detail.criteriaSets[0]?.criteriaSetId ?? 0;
  const defaults = useQuery({
    queryKey: setupKeys.setBands(firstSet),
    queryFn: ({ signal }) => setupApi.setBands(firstSet, signal),
    enabled: firstSet > 0,
  });
  const own = campaign.bands;
  const [rows, setRows] = useState<BandRow[] | null>(own ? own.map(toRow) : null);
  const shown = rows ?? (defaults.data ?? []).map(toRow);
  const save = useSaveSetup(campaign.id);
  const [saved, setSaved] = useState<'own' | 'default' | null>(null);

  const parsed = toBands(shown);
  const problems = parsed ? validateClassBands(parsed) : [t('campaignSetup.bands.badNumber')];
  const edit = (i: number, patch: Partial<BandRow>) =>
    setRows(shown.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const store = (bands: ClassBand[] | null) => {
    setSaved(null);
    save.mutate(
      {
        name: campaign.name,
        year: campaign.year,
        deadlines: campaign.deadlines,
        surveySource: campaign.surveySource,
        bands,
        version: campaign.version,
      },
      {
        onSuccess: () => {
          setSaved(bands ? 'own' : 'default');
          if (!bands) setRows(null);
        },
      },
    );
  };

  return (
    <Stack>
      <Title order={3} size="h4" id="bands-title">
        {t('campaignSetup.bands.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {own ? t('campaignSetup.bands.own') : t('campaignSetup.bands.fromSet')}
      </Text>
      <ErrorAlert error={save.error} fields={['bands']} />
      {saved ? (
        <Text c="green" role="status">
          {saved === 'own' ? t('campaignSetup.saved') : t('campaignSetup.bands.restored')}
        </Text>
      ) : null}
      <Table.ScrollContainer minWidth={420}>
        <Table aria-labelledby="bands-title" verticalSpacing={4} maw={620}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('campaignSetup.bands.label')}</Table.Th>
              <Table.Th>{t('campaignSetup.bands.from')}</Table.Th>
              <Table.Th>{t('campaignSetup.bands.to')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput
                    aria-label={t('campaignSetup.bands.labelOfRow', { n: i + 1 })}
                    value={r.label}
                    onChange={(e) => edit(i, { label: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td w={120}>
                  <TextInput
                    aria-label={t('campaignSetup.bands.fromOfRow', { n: i + 1 })}
                    value={r.from}
                    inputMode="decimal"
                    onChange={(e) => edit(i, { from: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td w={120}>
                  <TextInput
                    aria-label={t('campaignSetup.bands.toOfRow', { n: i + 1 })}
                    value={r.to}
                    inputMode="decimal"
                    placeholder={t('campaignSetup.bands.noUpper')}
                    onChange={(e) => edit(i, { to: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td w={40}>
                  <CloseButton
                    aria-label={t('campaignSetup.bands.remove', { n: i + 1 })}
                    onClick={() => setRows(shown.filter((_, j) => j !== i))}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {problems.length > 0 ? (
        <Stack gap={2} role="alert">
          {problems.map((p) => (
            <Text key={p} size="sm" c="red">
              {p}
            </Text>
          ))}
        </Stack>
      ) : null}
      <Group justify="space-between">
        <Button
          variant="default"
          size="xs"
          onClick={() => setRows([...shown, { label: '', from: '', to: '' }])}
        >
          {t('campaignSetup.bands.add')}
        </Button>
        <Group>
          {own ? (
            <Button variant="default" onClick={() => store(null)} loading={save.isPending}>
              {t('campaignSetup.bands.useSet')}
            </Button>
          ) : null}
          <Button
            onClick={() => parsed && store(parsed)}
            disabled={problems.length > 0 || shown.length === 0}
            loading={save.isPending}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
