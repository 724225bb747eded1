/**
 * The set's own fields: name, year, unit kind, description, survey points and the classification
 * bands (label, from %, to %; an empty "to" means no upper bound). Bands are checked as typed.
 */
import {
  ActionIcon,
  Button,
  DataList,
  Group,
  List,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatPercentBound,
  formatPointsCompact,
  parseHundredths,
} from '@domain/scoring/decimal.ts';
import { validateClassBands, type ClassBand } from '@domain/scoring/index.ts';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import type { UnitKind } from '../../lib/units.ts';
import { SetBasicsFields } from './SetBasicsFields.tsx';
import type { CriteriaSet, CriteriaSetDetail } from './api.ts';
import { optionalPoints, points } from './format.ts';
import { useSaveMeta } from './hooks.ts';

const FIELDS = ['name', 'year', 'unitKind', 'description', 'surveyMaxHundredths', 'bands'] as const;

interface BandRow {
  label: string;
  from: string;
  to: string;
  toInclusive: boolean;
}

const toRow = (b: ClassBand): BandRow => ({
  label: b.label,
  from: formatPercentBound(b.fromPercent),
  to: b.toPercent === null ? '' : formatPercentBound(b.toPercent),
  toInclusive: b.toInclusive === true,
});

/** Parses the band rows; null when a percentage is not a number. */
function toBands(rows: readonly BandRow[]): ClassBand[] | null {
  const bands: ClassBand[] = [];
  for (const r of rows) {
    const from = parseHundredths(r.from);
    const to = r.to.trim() === '' ? null : parseHundredths(r.to);
    if (!from.ok || (to !== null && !to.ok)) return null;
    const toPercent = to === null ? null : to.ok ? to.value : null;
    bands.push({
      label: r.label.trim(),
      fromPercent: from.value,
      toPercent,
      ...(r.toInclusive && toPercent === 10000 ? { toInclusive: true } : {}),
    });
  }
  return bands;
}

interface SetMetaProps {
  set: CriteriaSet;
  version: number;
  editable: boolean;
  kinds: readonly UnitKind[];
  kindName: (code: string) => string;
  onSaved: (detail: CriteriaSetDetail) => void;
}

/** Read-only view or edit form of the set's fields. */
export function SetMetaForm({ set, version, editable, kinds, kindName, onSaved }: SetMetaProps) {
  const { t } = useTranslation();
  const save = useSaveMeta(set.id);
  const [name, setName] = useState(set.name);
  const [year, setYear] = useState(String(set.year));
  const [unitKind, setUnitKind] = useState<string | null>(set.unitKind);
  const [description, setDescription] = useState(set.description);
  const [survey, setSurvey] = useState(
    set.surveyMaxHundredths === null ? '' : formatPointsCompact(set.surveyMaxHundredths),
  );
  const [bands, setBands] = useState<BandRow[]>(set.bands.map(toRow));
  const [problems, setProblems] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const [saved, setSaved] = useState(false);

  const parsedBands = toBands(bands);
  const bandProblems = parsedBands
    ? validateClassBands(parsedBands)
    : [t('criteria.bandPercentInvalid')];

  if (!editable) {
    return (
      <Stack>
        <DataList labelWidth={200}>
          {[
            [t('criteria.name'), set.name],
            [t('criteria.year'), String(set.year)],
            [t('criteria.unitKind'), kindName(set.unitKind)],
            [t('criteria.owner'), set.ownerUnitName ?? t('criteria.ownerNational')],
            [
              t('criteria.surveyMax'),
              set.surveyMaxHundredths === null ? t('common.none') : points(set.surveyMaxHundredths),
            ],
            [t('criteria.description'), set.description || t('common.none')],
          ].map(([label, value]) => (
            <DataList.Item key={label}>
              <DataList.ItemLabel>{label}</DataList.ItemLabel>
              <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }}>{value}</DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
        <Table withTableBorder maw={520} aria-label={t('criteria.bands')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('criteria.bandLabel')}</Table.Th>
              <Table.Th scope="col">{t('criteria.bandFrom')}</Table.Th>
              <Table.Th scope="col">{t('criteria.bandTo')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {set.bands.map((b, i) => (
              <Table.Tr key={i}>
                <Table.Td>{b.label}</Table.Td>
                <Table.Td>{formatPercentBound(b.fromPercent)} %</Table.Td>
                <Table.Td>
                  {b.toPercent === null
                    ? t('criteria.bandNoUpper')
                    : `${formatPercentBound(b.toPercent)} %${b.toInclusive ? ` (${t('criteria.bandInclusive')})` : ''}`}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    );
  }

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
    setSaved(false);
    if (
      Object.keys(found).length > 0 ||
      !unitKind ||
      surveyValue === undefined ||
      !parsedBands ||
      bandProblems.length > 0
    )
      return;
    save.mutate(
      {
        name: name.trim(),
        year: yearNumber,
        unitKind,
        description,
        surveyMaxHundredths: surveyValue,
        bands: parsedBands,
        version,
      },
      {
        onSuccess: (detail) => {
          setSaved(true);
          onSaved(detail);
        },
      },
    );
  };
  const errorOf = (field: (typeof FIELDS)[number]) =>
    problems[field] ?? fieldError(save.error, field);
  const setBand = (index: number, patch: Partial<BandRow>) =>
    setBands((rows) => rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={save.error} fields={FIELDS} />
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
        <Textarea
          label={t('criteria.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={8}
        />
        <Stack gap={4}>
          <Text fw={500} size="sm" id="bands-title">
            {t('criteria.bands')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('criteria.bandsHint')}
          </Text>
          <Table.ScrollContainer minWidth={460}>
            <Table aria-labelledby="bands-title" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('criteria.bandLabel')}</Table.Th>
                  <Table.Th scope="col">{t('criteria.bandFrom')}</Table.Th>
                  <Table.Th scope="col">{t('criteria.bandTo')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('criteria.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {bands.map((b, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        value={b.label}
                        onChange={(e) => setBand(i, { label: e.currentTarget.value })}
                        aria-label={t('criteria.bandLabelOf', { index: i + 1 })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        value={b.from}
                        inputMode="decimal"
                        onChange={(e) => setBand(i, { from: e.currentTarget.value })}
                        aria-label={t('criteria.bandFromOf', { index: i + 1 })}
                        rightSection="%"
                        w={110}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        value={b.to}
                        inputMode="decimal"
                        placeholder={t('criteria.bandNoUpper')}
                        onChange={(e) => setBand(i, { to: e.currentTarget.value })}
                        aria-label={t('criteria.bandToOf', { index: i + 1 })}
                        rightSection="%"
                        w={130}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => setBands((rows) => rows.filter((_, j) => j !== i))}
                        aria-label={t('criteria.bandRemove', { index: i + 1 })}
                        disabled={bands.length <= 1}
                      >
                        ✕
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group>
            <Button
              variant="light"
              size="xs"
              onClick={() =>
                setBands((rows) => [...rows, { label: '', from: '', to: '', toInclusive: false }])
              }
            >
              {t('criteria.bandAdd')}
            </Button>
          </Group>
          {bandProblems.length > 0 ? (
            <List size="sm" c="red" aria-live="polite">
              {bandProblems.map((p, i) => (
                <List.Item key={i} lang="vi">
                  {p}
                </List.Item>
              ))}
            </List>
          ) : null}
          {errorOf('bands') ? (
            <Text size="sm" c="red">
              {errorOf('bands')}
            </Text>
          ) : null}
        </Stack>
        <Group justify="flex-end">
          {saved ? (
            <Text size="sm" c="green" role="status">
              {t('criteria.metaSaved')}
            </Text>
          ) : null}
          <Button type="submit" loading={save.isPending} disabled={bandProblems.length > 0}>
            {t('criteria.saveMeta')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
