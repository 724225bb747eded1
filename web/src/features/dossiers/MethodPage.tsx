/**
 * How a province reads Circular 01 where its text leaves a choice (the divisor of an indicator,
 * classing a unit scored on fewer than nine indicators, a due date without a time): the settings
 * that apply to a unit (its own or its nearest ancestor's) and — for the standing agency, who
 * manages the province's criteria — changing them. Each default is the Circular's wording.
 */
import { Alert, Button, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { dossierApi, type MethodValues } from './api.ts';
import { AreaPeriodPicker, DossiersTabs, useAreaPeriod } from './shared.tsx';

const KEYS = ['divisor', 'fewIndicators', 'dueWithoutTime'] as const;

/** The settings page. */
export function MethodPage() {
  const { t } = useTranslation();
  usePageTitle(t('dossiers.method.pageTitle'));
  const queryClient = useQueryClient();
  const { unitId } = useAreaPeriod();
  const settings = useQuery({
    queryKey: ['dossiers', 'method', unitId],
    queryFn: ({ signal }) => dossierApi.method(unitId as number, signal),
    enabled: unitId !== null,
  });
  const [values, setValues] = useState<MethodValues | null>(null);
  useEffect(() => setValues(settings.data?.values ?? null), [settings.data]);
  const save = useMutation({
    mutationFn: () => dossierApi.saveMethod(unitId as number, values as MethodValues),
    onSuccess: (data) => {
      queryClient.setQueryData(['dossiers', 'method', unitId], data);
      void queryClient.invalidateQueries({ queryKey: ['dossiers', 'quarter'] });
    },
  });
  const s = settings.data;
  return (
    <Stack>
      <DossiersTabs />
      <Title order={2}>{t('dossiers.method.pageTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('dossiers.method.intro')}
      </Text>
      <AreaPeriodPicker unitLabel={t('dossiers.bands.unit')} withPeriod={false} />
      {unitId === null ? (
        <Text c="dimmed">{t('dossiers.area.pick')}</Text>
      ) : settings.isLoading ? (
        <LoadingState />
      ) : settings.error ? (
        <ErrorAlert error={settings.error} />
      ) : s && values ? (
        <Stack maw={760}>
          <Text size="sm" c="dimmed">
            {s.setOn
              ? t('dossiers.method.sourceUnit', { unit: s.setOn.name })
              : t('dossiers.method.sourceDefault')}
          </Text>
          {KEYS.map((key) => (
            <Paper key={key} withBorder p="sm">
              <Radio.Group
                label={t(`dossiers.method.${key}Label`)}
                value={values[key]}
                onChange={(v) => setValues({ ...values, [key]: v })}
                name={key}
              >
                <Stack gap="xs" mt="xs">
                  {(s.options[key] as string[]).map((option) => (
                    <Radio
                      key={option}
                      value={option}
                      disabled={!s.canChange}
                      label={`${t(`dossiers.method.${key}.${option}` as 'dossiers.method.divisor.evaluated')}${
                        option === s.defaults[key] ? ` ${t('dossiers.method.defaultMark')}` : ''
                      }`}
                    />
                  ))}
                </Stack>
              </Radio.Group>
            </Paper>
          ))}
          {s.canChange ? (
            <>
              <ErrorAlert error={save.error} />
              {save.isSuccess ? <Alert color="green">{t('dossiers.method.saved')}</Alert> : null}
              <Button onClick={() => save.mutate()} loading={save.isPending} w="fit-content">
                {t('dossiers.method.save')}
              </Button>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('dossiers.method.readOnly')}
            </Text>
          )}
        </Stack>
      ) : null}
    </Stack>
  );
}
