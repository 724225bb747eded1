/**
 * The merger history of a unit: which older units went into it (predecessors) and which newer units
 * it went into (successors), wholly or partly, directly or through earlier mergers.
 */
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDay, todayIso } from '../../lib/dates.ts';
import { isExpired } from '../../lib/units.ts';
import type { LineageStep } from './api.ts';
import { useLineage } from './hooks.ts';

/** Predecessors and successors of the unit `unitId`. */
export function LineageSection({
  unitId,
  kindName,
}: {
  unitId: number;
  kindName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const lineage = useLineage(unitId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="lineage-title">
      <Title order={3} size="h4" id="lineage-title" mb="sm">
        {t('units.lineageTitle')}
      </Title>
      {lineage.isLoading ? (
        <LoadingState />
      ) : lineage.error ? (
        <ErrorAlert error={lineage.error} />
      ) : lineage.data ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <StepList
            id="predecessors-title"
            title={t('units.predecessors')}
            empty={t('units.noPredecessors')}
            steps={lineage.data.predecessors}
            kindName={kindName}
          />
          <StepList
            id="successors-title"
            title={t('units.successors')}
            empty={t('units.noSuccessors')}
            steps={lineage.data.successors}
            kindName={kindName}
          />
        </SimpleGrid>
      ) : null}
    </Paper>
  );
}

function StepList({
  id,
  title,
  empty,
  steps,
  kindName,
}: {
  id: string;
  title: string;
  empty: string;
  steps: readonly LineageStep[];
  kindName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const today = todayIso();
  return (
    <Stack gap="xs">
      <Title order={4} size="h5" id={id}>
        {title}
      </Title>
      {steps.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-labelledby={id}
        >
          {steps.map((step) => (
            <li key={`${step.id}-${step.viaId}`}>
              <Group gap="xs" wrap="wrap">
                <Anchor
                  component={Link}
                  to={`/units/${step.id}`}
                  c={isExpired(step, today) ? 'dimmed' : undefined}
                >
                  {step.name}
                </Anchor>
                <Text size="sm" c="dimmed" span>
                  ({step.code})
                </Text>
                <Badge
                  size="sm"
                  variant="light"
                  color={step.mergeType === 'full' ? 'blue' : 'orange'}
                >
                  {step.mergeType === 'full' ? t('units.mergeFull') : t('units.mergePartial')}
                </Badge>
                {isExpired(step, today) ? (
                  <Badge size="sm" variant="light" color="gray">
                    {t('units.expiredBadge')}
                  </Badge>
                ) : null}
              </Group>
              <Text size="xs" c="dimmed">
                {[
                  kindName(step.kind),
                  step.parentName,
                  step.effectiveDate
                    ? t('units.mergeEffective', { date: formatDay(step.effectiveDate) })
                    : null,
                  step.generation > 1 ? t('units.indirect', { count: step.generation }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
