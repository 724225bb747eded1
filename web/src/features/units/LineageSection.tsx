/**
 * The merger history of a unit: which older units went into it (predecessors) and which newer units
 * it went into (successors), wholly or partly, directly or through earlier mergers. For those who
 * manage the unit, a direct link can be corrected or removed with a reason.
 */
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDay, todayIso } from '../../lib/dates.ts';
import { isExpired } from '../../lib/units.ts';
import type { LineageStep } from './api.ts';
import { useLineage } from './hooks.ts';
import { MergerEditModal, type EditedLink } from './MergerEditModal.tsx';

/** Predecessors and successors of the unit `unitId`. */
export function LineageSection({
  unitId,
  kindName,
  canManage = false,
  onChanged,
}: {
  unitId: number;
  kindName: (code: string) => string;
  /** The user manages this unit: direct links offer correct and remove. */
  canManage?: boolean;
  onChanged?: (mode: 'correct' | 'remove') => void;
}) {
  const { t } = useTranslation();
  const lineage = useLineage(unitId);
  const [edited, setEdited] = useState<EditedLink | null>(null);
  const unitName = lineage.data?.unit.name ?? '';
  const edit = (step: LineageStep, side: 'predecessor' | 'successor', mode: EditedLink['mode']) =>
    setEdited({
      predecessorId: side === 'predecessor' ? step.id : unitId,
      predecessorName: side === 'predecessor' ? step.name : unitName,
      successorId: side === 'predecessor' ? unitId : step.id,
      successorName: side === 'predecessor' ? unitName : step.name,
      mergeType: step.mergeType,
      effectiveDate: step.effectiveDate,
      mode,
    });
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
            {...(canManage ? { onEdit: (step, mode) => edit(step, 'predecessor', mode) } : {})}
          />
          <StepList
            id="successors-title"
            title={t('units.successors')}
            empty={t('units.noSuccessors')}
            steps={lineage.data.successors}
            kindName={kindName}
            {...(canManage ? { onEdit: (step, mode) => edit(step, 'successor', mode) } : {})}
          />
        </SimpleGrid>
      ) : null}
      <MergerEditModal
        link={edited}
        onClose={() => setEdited(null)}
        onSaved={(mode) => {
          setEdited(null);
          onChanged?.(mode);
        }}
      />
    </Paper>
  );
}

function StepList({
  id,
  title,
  empty,
  steps,
  kindName,
  onEdit,
}: {
  id: string;
  title: string;
  empty: string;
  steps: readonly LineageStep[];
  kindName: (code: string) => string;
  /** Offered on direct links only (a link through earlier mergers is changed where it is direct). */
  onEdit?: (step: LineageStep, mode: 'correct' | 'remove') => void;
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
              {onEdit && step.generation === 1 ? (
                <Group gap="xs" mt={4}>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => onEdit(step, 'correct')}
                    aria-label={t('units.mergerCorrectOf', { name: step.name })}
                  >
                    {t('units.mergerCorrect')}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => onEdit(step, 'remove')}
                    aria-label={t('units.mergerRemoveOf', { name: step.name })}
                  >
                    {t('units.mergerRemove')}
                  </Button>
                </Group>
              ) : null}
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
