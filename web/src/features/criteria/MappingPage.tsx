/**
 * How last year's criteria map to this year's after a copy: kept, renamed, merged, split, removed,
 * added. The server proposes a mapping from the copy links ("Xem trước" until saved); the standing
 * agency corrects it (e.g. several old codes merged into one new code) and saves it.
 */
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { SuccessNotice } from '../../components/SuccessNotice.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import type { CriteriaSetDetail, Mapping, MappingEntry, MappingKind, NodeView } from './api.ts';
import { useCriteriaSet, useMapping, useSaveMapping } from './hooks.ts';

const KINDS: readonly MappingKind[] = ['kept', 'renamed', 'merged', 'split', 'removed', 'added'];
const KIND_COLOR: Record<MappingKind, string> = {
  kept: 'gray',
  renamed: 'blue',
  merged: 'violet',
  split: 'cyan',
  removed: 'red',
  added: 'green',
};

/** Whether an entry's shape matches its kind (how many codes on each side). */
export function entryShapeOk(e: MappingEntry): boolean {
  const f = e.from.length;
  const to = e.to.length;
  switch (e.kind) {
    case 'kept':
    case 'renamed':
      return f === 1 && to === 1;
    case 'merged':
      return f >= 2 && to === 1;
    case 'split':
      return f === 1 && to >= 2;
    case 'removed':
      return f >= 1 && to === 0;
    case 'added':
      return f === 0 && to >= 1;
    default: {
      const never: never = e.kind;
      return never;
    }
  }
}

function titles(nodes: readonly NodeView[]): Map<string, string> {
  const map = new Map<string, string>();
  const walk = (list: readonly NodeView[]) => {
    for (const n of list) {
      map.set(n.code, n.title);
      walk(n.children);
    }
  };
  walk(nodes);
  return map;
}

/** The mapping page of a copied set. */
export function MappingPage() {
  const { t } = useTranslation();
  const { setId } = useParams();
  const id = Number(setId);
  const target = useCriteriaSet(id);
  const mapping = useMapping(id);
  const source = useCriteriaSet(mapping.data?.fromSetId ?? null);
  usePageTitle(t('criteria.mappingTitle'));

  if (target.isLoading || mapping.isLoading || (mapping.data?.fromSetId && source.isLoading))
    return <LoadingState />;
  const error = target.error ?? mapping.error ?? source.error;
  if (error || !target.data || !mapping.data) return <ErrorAlert error={error} />;
  return (
    <MappingEditor
      key={id}
      target={target.data}
      source={source.data ?? null}
      mapping={mapping.data}
    />
  );
}

function MappingEditor({
  target,
  source,
  mapping,
}: {
  target: CriteriaSetDetail;
  source: CriteriaSetDetail | null;
  mapping: Mapping;
}) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<MappingEntry[]>(mapping.entries);
  const [changed, setChanged] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // One line at a time shows its code pickers: a hundred pairs of comboboxes is slow to draw.
  const [editing, setEditing] = useState<number | null>(null);
  const save = useSaveMapping(target.set.id);
  const editable = target.canEdit;
  const oldTitles = useMemo(() => titles(source?.nodes ?? []), [source]);
  const newTitles = useMemo(() => titles(target.nodes), [target]);
  const oldOptions = useMemo(
    () => [...oldTitles].map(([code, title]) => ({ value: code, label: `${code} ${title}` })),
    [oldTitles],
  );
  const newOptions = useMemo(
    () => [...newTitles].map(([code, title]) => ({ value: code, label: `${code} ${title}` })),
    [newTitles],
  );
  const counts = KINDS.map((k) => [k, entries.filter((e) => e.kind === k).length] as const).filter(
    ([, n]) => n > 0,
  );

  const update = (index: number, patch: Partial<MappingEntry>) => {
    setEntries((list) => list.map((e, i) => (i === index ? { ...e, ...patch } : e)));
    setChanged(true);
    setNotice(null);
  };

  if (mapping.fromSetId === null) {
    return (
      <Stack>
        <Anchor component={Link} to={`/criteria/${target.set.id}`} size="sm">
          ← {target.set.name}
        </Anchor>
        <Alert color="gray">{t('criteria.mappingNone')}</Alert>
      </Stack>
    );
  }

  const codes = (list: string[], names: Map<string, string>) =>
    list.length === 0 ? (
      <Text size="sm" c="dimmed">
        {t('common.none')}
      </Text>
    ) : (
      <Stack gap={0}>
        {list.map((c) => (
          <Text key={c} size="sm">
            <strong>{c}</strong> {names.get(c) ?? ''}
          </Text>
        ))}
      </Stack>
    );
  const saved = mapping.saved && !changed;

  return (
    <Stack>
      <Anchor component={Link} to={`/criteria/${target.set.id}`} size="sm">
        ← {target.set.name}
      </Anchor>
      <Group gap="xs">
        <Title order={2}>{t('criteria.mappingTitle')}</Title>
        {saved ? (
          <Badge color="green" variant="light">
            {t('criteria.mappingSaved')}
          </Badge>
        ) : (
          <Badge color="yellow" variant="light" size="lg">
            {t('criteria.mappingPreview')}
          </Badge>
        )}
      </Group>
      <Text size="sm">
        {t('criteria.mappingIntro', {
          from: source?.set.name ?? '',
          fromYear: source?.set.year ?? '',
          to: target.set.name,
          toYear: target.set.year,
        })}
      </Text>
      {!saved ? (
        <Alert color="yellow" variant="light">
          {mapping.saved ? t('criteria.mappingChangedNote') : t('criteria.mappingPreviewNote')}
        </Alert>
      ) : null}
      {notice ? <SuccessNotice onClose={() => setNotice(null)}>{notice}</SuccessNotice> : null}
      <Group gap="xs">
        {counts.map(([kind, n]) => (
          <Badge key={kind} color={KIND_COLOR[kind]} variant="light">
            {t(`criteria.mappingKinds.${kind}`)}: {n}
          </Badge>
        ))}
      </Group>
      <ErrorAlert error={save.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing={6} aria-label={t('criteria.mappingTitle')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={170}>
                {t('criteria.mappingKind')}
              </Table.Th>
              <Table.Th scope="col">{t('criteria.mappingFrom')}</Table.Th>
              <Table.Th scope="col">{t('criteria.mappingTo')}</Table.Th>
              {editable ? (
                <Table.Th scope="col" w={110}>
                  <span className="visually-hidden">{t('criteria.actions')}</span>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e, i) => (
              <Table.Tr key={i} style={{ verticalAlign: 'top' }}>
                <Table.Td>
                  {editable ? (
                    <Select
                      size="xs"
                      data={KINDS.map((k) => ({
                        value: k,
                        label: t(`criteria.mappingKinds.${k}`),
                      }))}
                      value={e.kind}
                      onChange={(v) => {
                        const kind = KINDS.find((k) => k === v);
                        if (kind) update(i, { kind });
                      }}
                      allowDeselect={false}
                      aria-label={t('criteria.mappingKindOf', { index: i + 1 })}
                      comboboxProps={{ withinPortal: true }}
                    />
                  ) : (
                    <Badge color={KIND_COLOR[e.kind]} variant="light">
                      {t(`criteria.mappingKinds.${e.kind}`)}
                    </Badge>
                  )}
                  {!entryShapeOk(e) ? (
                    <Text size="xs" c="orange" mt={4}>
                      {t(`criteria.mappingShape.${e.kind}`)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {editable && editing === i ? (
                    <MultiSelect
                      size="xs"
                      data={oldOptions}
                      value={e.from}
                      onChange={(from) => update(i, { from })}
                      searchable
                      aria-label={t('criteria.mappingFromOf', { index: i + 1 })}
                      comboboxProps={{ withinPortal: true }}
                    />
                  ) : (
                    codes(e.from, oldTitles)
                  )}
                </Table.Td>
                <Table.Td>
                  {editable && editing === i ? (
                    <MultiSelect
                      size="xs"
                      data={newOptions}
                      value={e.to}
                      onChange={(to) => update(i, { to })}
                      searchable
                      aria-label={t('criteria.mappingToOf', { index: i + 1 })}
                      comboboxProps={{ withinPortal: true }}
                    />
                  ) : (
                    codes(e.to, newTitles)
                  )}
                </Table.Td>
                {editable ? (
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setEditing(editing === i ? null : i)}
                        aria-label={t('criteria.mappingEditOf', { index: i + 1 })}
                        aria-pressed={editing === i}
                      >
                        {editing === i ? t('criteria.mappingEditDone') : t('criteria.mappingEdit')}
                      </Button>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('criteria.mappingRemove', { index: i + 1 })}
                        onClick={() => {
                          setEntries((list) => list.filter((_, j) => j !== i));
                          setEditing(null);
                          setChanged(true);
                        }}
                      >
                        ✕
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editable ? (
        <Group justify="space-between">
          <Button
            variant="light"
            onClick={() => {
              setEntries((list) => [...list, { kind: 'merged', from: [], to: [] }]);
              setEditing(entries.length);
              setChanged(true);
            }}
          >
            {t('criteria.mappingAdd')}
          </Button>
          <Button
            loading={save.isPending}
            disabled={saved}
            onClick={() =>
              save.mutate(entries, {
                onSuccess: (result) => {
                  setEntries(result.entries);
                  setChanged(false);
                  setNotice(t('criteria.mappingSavedNotice'));
                },
              })
            }
          >
            {t('criteria.mappingSave')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
