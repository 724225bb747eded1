/** The before/after table of one audit entry, with field names and values in the user's words. */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES } from '@domain/access.ts';
import type { AuditEntry } from './api.ts';
import { diffSnapshots } from './audit-diff.ts';

/** Only the changed fields of an edit; every field of a creation or a removal. */
export function AuditChanges({
  entry,
  kindName,
}: {
  entry: AuditEntry;
  kindName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const rows = diffSnapshots(entry.before, entry.after);
  const fieldNames: Record<string, string> = t('audit.fields', { returnObjects: true });
  const hasBefore = entry.before !== null && entry.before !== undefined;
  const hasAfter = entry.after !== null && entry.after !== undefined;

  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('common.none');
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (field === 'role' && typeof value === 'string') {
      const role = ROLES.find((r) => r === value);
      return role ? t(`roles.${role}`) : value;
    }
    if (field === 'kind' && typeof value === 'string') return kindName(value);
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    return JSON.stringify(value);
  };

  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noChanges')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.field')}</Table.Th>
            {hasBefore ? <Table.Th scope="col">{t('audit.before')}</Table.Th> : null}
            {hasAfter ? <Table.Th scope="col">{t('audit.after')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.field}>
              <Table.Th scope="row" fw={500}>
                {fieldNames[row.field] ?? (row.field || t('common.none'))}
              </Table.Th>
              {hasBefore ? (
                <Table.Td style={{ wordBreak: 'break-word' }}>
                  {show(row.field, row.before)}
                </Table.Td>
              ) : null}
              {hasAfter ? (
                <Table.Td style={{ wordBreak: 'break-word' }}>
                  {show(row.field, row.after)}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
