/**
 * Class bands per province (or district): which preset applies to a unit (its own choice or its
 * nearest ancestor's), the presets with their thresholds, and — for those who manage criteria
 * there — choosing one.
 */
import { Alert, Button, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatPercentBound } from '@domain/scoring/decimal.ts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { dossierApi, type Band } from './api.ts';
import { AreaPeriodPicker, DossiersTabs, useAreaPeriod } from './shared.tsx';

function BandLines({ bands }: { bands: readonly Band[] }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed" component="div">
      {bands.map((b) => (
        <div key={b.label}>
          {b.toPercent === null
            ? t('dossiers.bands.band', { label: b.label, from: formatPercentBound(b.fromPercent) })
            : t('dossiers.bands.bandTo', {
                label: b.label,
                from: formatPercentBound(b.fromPercent),
                to: formatPercentBound(b.toPercent),
              })}
        </div>
      ))}
    </Text>
  );
}

/** The settings page. */
export function BandsPage() {
  const { t } = useTranslation();
  usePageTitle(t('dossiers.bands.title'));
  const queryClient = useQueryClient();
  const { unitId } = useAreaPeriod();
  const settings = useQuery({
    queryKey: ['dossiers', 'bands', unitId],
    queryFn: ({ signal }) => dossierApi.bands(unitId as number, signal),
    enabled: unitId !== null,
  });
  const [choice, setChoice] = useState<string | null>(null);
  useEffect(() => setChoice(settings.data?.effectivePresetId ?? null), [settings.data]);
  const save = useMutation({
    mutationFn: () => dossierApi.chooseBands(unitId as number, choice as string),
    onSuccess: (data) => {
      queryClient.setQueryData(['dossiers', 'bands', unitId], data);
      void queryClient.invalidateQueries({ queryKey: ['dossiers', 'quarter'] });
    },
  });
  const s = settings.data;
  const current = s?.presets.find((p) => p.id === s.effectivePresetId);
  return (
    <Stack>
      <DossiersTabs />
      <Title order={2}>{t('dossiers.bands.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('dossiers.bands.intro')}
      </Text>
      <AreaPeriodPicker unitLabel={t('dossiers.bands.unit')} withPeriod={false} />
      {unitId === null ? (
        <Text c="dimmed">{t('dossiers.area.pick')}</Text>
      ) : settings.isLoading ? (
        <LoadingState />
      ) : settings.error ? (
        <ErrorAlert error={settings.error} />
      ) : s ? (
        <Stack maw={760}>
          <Text fw={500}>
            {t('dossiers.bands.current', { name: current?.name ?? s.effectivePresetId })}
          </Text>
          <Text size="sm" c="dimmed">
            {s.chosenOn
              ? t('dossiers.bands.inherited', { unit: s.chosenOn.name })
              : t('dossiers.bands.defaulted')}
          </Text>
          <Radio.Group value={choice} onChange={setChoice} name="bands">
            <Stack>
              {s.presets.map((p) => (
                <Paper key={p.id} withBorder p="sm">
                  <Radio value={p.id} label={p.name} disabled={!s.canChange} />
                  <div style={{ paddingLeft: 32 }}>
                    <BandLines bands={p.bands} />
                  </div>
                </Paper>
              ))}
            </Stack>
          </Radio.Group>
          {s.canChange ? (
            <>
              <ErrorAlert error={save.error} />
              {save.isSuccess ? (
                <Alert color="green">{t('dossiers.bands.saved', { unit: s.unit.name })}</Alert>
              ) : null}
              <Button
                onClick={() => save.mutate()}
                loading={save.isPending}
                disabled={choice === null}
                w="fit-content"
              >
                {t('dossiers.bands.choose')}
              </Button>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('dossiers.bands.readOnly')}
            </Text>
          )}
        </Stack>
      ) : null}
    </Stack>
  );
}
