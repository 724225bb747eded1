/**
 * The text of the official document a plan or a supervision produces (number, place and date,
 * bases, purposes, recipients, signer…): shown to readers, edited by those who manage it. The
 * legal bases are an editable list (one box per basis, added, removed and moved one by one, as the
 * plan prints them one per paragraph); other lists are typed one entry per line; dates as
 * dd/mm/yyyy.
 */
import {
  Button,
  Card,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseUserDate } from '@domain/dates.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay } from '../../lib/dates.ts';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import type { remediationVi } from '../../i18n/remediation.vi.ts';

export type FieldKind = 'text' | 'date' | 'lines' | 'list' | 'multiline';

type DocKey = keyof typeof remediationVi.doc;

export interface DocField {
  key: DocKey;
  kind: FieldKind;
}

export const PLAN_FIELDS: DocField[] = [
  { key: 'number', kind: 'text' },
  { key: 'place', kind: 'text' },
  { key: 'issuedOn', kind: 'date' },
  { key: 'bases', kind: 'list' },
  { key: 'purposes', kind: 'lines' },
  { key: 'requirements', kind: 'lines' },
  { key: 'goals', kind: 'lines' },
  { key: 'organisation', kind: 'lines' },
  { key: 'recipients', kind: 'lines' },
  { key: 'signerTitle', kind: 'multiline' },
  { key: 'signerName', kind: 'text' },
];

export const SUPERVISION_FIELDS: DocField[] = [
  { key: 'body', kind: 'text' },
  { key: 'noticeNumber', kind: 'text' },
  { key: 'noticeDate', kind: 'date' },
  { key: 'place', kind: 'text' },
  { key: 'title', kind: 'multiline' },
  { key: 'meetingDate', kind: 'date' },
  { key: 'reports', kind: 'lines' },
  { key: 'background', kind: 'lines' },
  { key: 'strengths', kind: 'lines' },
  { key: 'limitations', kind: 'lines' },
  { key: 'recipients', kind: 'lines' },
  { key: 'signerTitle', kind: 'multiline' },
  { key: 'signerName', kind: 'text' },
];

type Doc = Record<string, unknown>;

const asText = (field: DocField, value: unknown): string => {
  if (field.kind === 'lines' || field.kind === 'list')
    return Array.isArray(value) ? value.join('\n') : '';
  if (field.kind === 'date') return typeof value === 'string' && value ? formatDay(value) : '';
  return typeof value === 'string' ? value : '';
};

/** The document's text, read-only, and (for managers) a button to edit it. */
export function DocumentText({
  fields,
  document,
  canEdit,
  onSave,
}: {
  fields: DocField[];
  document: Doc;
  canEdit: boolean;
  onSave: (document: Doc) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [lists, setLists] = useState<Record<string, string[]>>({});
  const [dateError, setDateError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => {
      const doc: Doc = {};
      for (const f of fields) {
        if (f.kind === 'list') {
          doc[f.key] = (lists[f.key] ?? []).map((x) => x.trim()).filter(Boolean);
          continue;
        }
        const v = (values[f.key] ?? '').trim();
        doc[f.key] =
          f.kind === 'lines'
            ? v
                .split('\n')
                .map((x) => x.trim())
                .filter(Boolean)
            : f.kind === 'date'
              ? v === ''
                ? null
                : parseUserDate(v)
              : v;
      }
      return onSave(doc);
    },
    onSuccess: () => setEditing(false),
  });
  const filled = fields.filter((f) => asText(f, document[f.key]) !== '');
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">
        {t('remediation.documentText')}
      </Title>
      {filled.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('remediation.documentEmpty')}
        </Text>
      ) : (
        <Stack gap={6}>
          {filled.map((f) => (
            <div key={f.key}>
              <Text size="xs" c="dimmed">
                {t(`remediation.doc.${f.key}`)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {asText(f, document[f.key])}
              </Text>
            </div>
          ))}
        </Stack>
      )}
      {canEdit ? (
        <Button
          size="xs"
          variant="light"
          mt="sm"
          onClick={() => {
            setValues(Object.fromEntries(fields.map((f) => [f.key, asText(f, document[f.key])])));
            setLists(
              Object.fromEntries(
                fields
                  .filter((f) => f.kind === 'list')
                  .map((f) => {
                    const v = document[f.key];
                    return [f.key, Array.isArray(v) ? v.map(String) : []];
                  }),
              ),
            );
            setEditing(true);
          }}
        >
          {t('remediation.editDocument')}
        </Button>
      ) : null}
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('remediation.editDocument')}
        fullScreen={mobile}
        size="xl"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const bad = fields.some(
              (f) =>
                f.kind === 'date' &&
                (values[f.key] ?? '').trim() !== '' &&
                !parseUserDate(values[f.key] ?? ''),
            );
            setDateError(bad ? t('remediation.badDate') : null);
            if (!bad) save.mutate();
          }}
        >
          <Stack>
            <Text size="xs" c="dimmed">
              {t('remediation.linesHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {fields
                .filter((f) => f.kind === 'text' || f.kind === 'date')
                .map((f) => (
                  <TextInput
                    key={f.key}
                    label={t(`remediation.doc.${f.key}`)}
                    placeholder={f.kind === 'date' ? t('remediation.deadlineHint') : undefined}
                    value={values[f.key] ?? ''}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setValues((x) => ({ ...x, [f.key]: v }));
                    }}
                  />
                ))}
            </SimpleGrid>
            {dateError ? (
              <Text c="red" size="sm">
                {dateError}
              </Text>
            ) : null}
            {fields
              .filter((f) => f.kind === 'list')
              .map((f) => (
                <ListField
                  key={f.key}
                  field={f.key}
                  items={lists[f.key] ?? []}
                  onChange={(items) => setLists((x) => ({ ...x, [f.key]: items }))}
                />
              ))}
            {fields
              .filter((f) => f.kind === 'lines' || f.kind === 'multiline')
              .map((f) => (
                <Textarea
                  key={f.key}
                  label={t(`remediation.doc.${f.key}`)}
                  autosize
                  minRows={2}
                  maxRows={10}
                  value={values[f.key] ?? ''}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setValues((x) => ({ ...x, [f.key]: v }));
                  }}
                />
              ))}
            <ErrorAlert error={save.error} />
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}

/** An editable list: one box per entry, added, removed and moved one at a time. */
function ListField({
  field,
  items,
  onChange,
}: {
  field: DocKey;
  items: string[];
  onChange: (items: string[]) => void;
}) {
  const { t } = useTranslation();
  const item = t(`remediation.docItem.${field}`, { defaultValue: t(`remediation.doc.${field}`) });
  // "Căn cứ 1": the entry's label starts with a capital, as a field label does.
  const label = item.charAt(0).toLocaleUpperCase() + item.slice(1);
  const move = (from: number, to: number) => {
    const next = [...items];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved ?? '');
    onChange(next);
  };
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend>
        <Text size="sm" fw={500}>
          {t(`remediation.doc.${field}`)}
        </Text>
      </legend>
      <Stack gap="xs">
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('remediation.listEmpty', { item })}
          </Text>
        ) : null}
        {items.map((value, i) => {
          const n = i + 1;
          return (
            <Stack key={i} gap={4}>
              <Textarea
                label={t('remediation.listEntry', { item: label, n })}
                autosize
                minRows={1}
                maxRows={6}
                value={value}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  onChange(items.map((x, k) => (k === i ? v : x)));
                }}
              />
              <Group gap="xs">
                <Button
                  size="compact-xs"
                  variant="subtle"
                  disabled={i === 0}
                  aria-label={t('remediation.listUp', { item, n })}
                  onClick={() => move(i, i - 1)}
                >
                  {t('remediation.up')}
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  disabled={i === items.length - 1}
                  aria-label={t('remediation.listDown', { item, n })}
                  onClick={() => move(i, i + 1)}
                >
                  {t('remediation.down')}
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  aria-label={t('remediation.listRemove', { item, n })}
                  onClick={() => onChange(items.filter((_, k) => k !== i))}
                >
                  {t('remediation.remove')}
                </Button>
              </Group>
            </Stack>
          );
        })}
        <Button
          size="xs"
          variant="light"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => onChange([...items, ''])}
        >
          {t('remediation.listAdd', { item })}
        </Button>
      </Stack>
    </fieldset>
  );
}
