/** Creating a criteria set: empty, or from one of the templates shipped with the app. */
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PAR_BANDS } from '@domain/scoring/index.ts';
import { formatPointsCompact } from '@domain/scoring/decimal.ts';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import type { UnitKind } from '../../lib/units.ts';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { SetBasicsFields } from './SetBasicsFields.tsx';
import type { CriteriaSetDetail } from './api.ts';
import { optionalPoints, unitKindOfTemplate } from './format.ts';
import { useBundledSets, useCreateSet } from './hooks.ts';

const FIELDS = ['name', 'year', 'unitKind', 'surveyMaxHundredths', 'bundledId'] as const;
const EMPTY = '';

interface CreateSetModalProps {
  opened: boolean;
  kinds: readonly UnitKind[];
  onClose: () => void;
  onCreated: (detail: CriteriaSetDetail) => void;
}

/** The modal; the form inside is rebuilt at each opening. */
export function CreateSetModal({ opened, kinds, onClose, onCreated }: CreateSetModalProps) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('criteria.createTitle')}
      size="lg"
      fullScreen={mobile}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <CreateSetForm kinds={kinds} onCancel={onClose} onCreated={onCreated} /> : null}
    </Modal>
  );
}

function CreateSetForm({
  kinds,
  onCancel,
  onCreated,
}: {
  kinds: readonly UnitKind[];
  onCancel: () => void;
  onCreated: (detail: CriteriaSetDetail) => void;
}) {
  const { t } = useTranslation();
  const bundled = useBundledSets();
  const create = useCreateSet();
  const [template, setTemplate] = useState<string>(EMPTY);
  const [name, setName] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [unitKind, setUnitKind] = useState<string | null>('commune');
  const [survey, setSurvey] = useState('');
  const [problems, setProblems] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});

  const pickTemplate = (id: string | null) => {
    const value = id ?? EMPTY;
    setTemplate(value);
    const chosen = bundled.data?.items.find((b) => b.id === value);
    if (!chosen) return;
    setName(chosen.name);
    if (chosen.year !== null) setYear(String(chosen.year));
    setUnitKind(unitKindOfTemplate(chosen.unitKind));
    setSurvey(
      chosen.surveyMaxHundredths === null ? '' : formatPointsCompact(chosen.surveyMaxHundredths),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof problems = {};
    const yearNumber = Number(year);
    const surveyValue = optionalPoints(survey);
    if (!name.trim()) found.name = t('criteria.nameRequired');
    if (!Number.isInteger(yearNumber) || yearNumber < 2000 || yearNumber > 2100)
      found.year = t('criteria.yearInvalid');
    if (!unitKind) found.unitKind = t('criteria.unitKindRequired');
    if (surveyValue === undefined) found.surveyMaxHundredths = t('criteria.pointsInvalid');
    setProblems(found);
    if (Object.keys(found).length > 0 || !unitKind || surveyValue === undefined) return;
    create.mutate(
      {
        name: name.trim(),
        year: yearNumber,
        unitKind,
        description: bundled.data?.items.find((b) => b.id === template)?.description ?? '',
        surveyMaxHundredths: surveyValue,
        bands: [...DEFAULT_PAR_BANDS],
        ...(template ? { bundledId: template } : {}),
      },
      { onSuccess: onCreated },
    );
  };
  const errorOf = (field: (typeof FIELDS)[number]) =>
    problems[field] ?? fieldError(create.error, field);
  const chosen = bundled.data?.items.find((b) => b.id === template);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={create.error} fields={FIELDS} />
        <Select
          label={t('criteria.template')}
          data={[
            { value: EMPTY, label: t('criteria.templateEmpty') },
            ...(bundled.data?.items ?? []).map((b) => ({ value: b.id, label: b.name })),
          ]}
          value={template}
          onChange={pickTemplate}
          allowDeselect={false}
          error={errorOf('bundledId')}
          comboboxProps={{ withinPortal: true }}
          data-autofocus
        />
        {chosen ? (
          <Text size="sm" c="dimmed">
            {chosen.description}
          </Text>
        ) : null}
        <SetBasicsFields
          values={{ name, year, unitKind, survey }}
          onChange={(patch) => {
            if (patch.name !== undefined) setName(patch.name);
            if (patch.year !== undefined) setYear(patch.year);
            if (patch.unitKind !== undefined) setUnitKind(patch.unitKind);
            if (patch.survey !== undefined) setSurvey(patch.survey);
          }}
          kinds={kinds}
          errorOf={errorOf}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('criteria.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
