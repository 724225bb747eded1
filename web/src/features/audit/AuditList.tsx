/**
 * Audit entries: a table on office screens (a row unfolds to show the changes), cards on phones.
 */
import { Anchor, Button, Card, Collapse, Group, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/dates.ts';
import { useUnitDetail } from '../../lib/units.ts';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { useLanguage } from '../../lib/use-language.ts';
import type { AuditEntry } from './api.ts';
import { AuditChanges } from './AuditChanges.tsx';

interface AuditListProps {
  entries: readonly AuditEntry[];
  kindName: (code: string) => string;
  onFilterActor: (actor: { id: number; name: string }) => void;
}

/** Entries newest first. */
export function AuditList({ entries, kindName, onFilterActor }: AuditListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mobile = useIsMobile();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const actionName = (action: string): string => {
    const names: Record<string, string> = t('audit.actions', { returnObjects: true });
    return names[action.replace(/\./g, '_')] ?? action;
  };

  const actor = (entry: AuditEntry) =>
    entry.actorId !== null && entry.actorName ? (
      <Anchor
        component="button"
        type="button"
        size="sm"
        title={t('audit.filterByActor', { name: entry.actorName })}
        aria-label={t('audit.filterByActor', { name: entry.actorName })}
        onClick={() => onFilterActor({ id: entry.actorId ?? 0, name: entry.actorName ?? '' })}
      >
        {entry.actorName}
      </Anchor>
    ) : (
      <Text size="sm" span c="dimmed">
        {entry.actorName ?? t('audit.system')}
      </Text>
    );

  const toggleButton = (entry: AuditEntry) => (
    <Button
      size="compact-xs"
      variant="subtle"
      aria-expanded={open.has(entry.id)}
      aria-controls={`audit-changes-${entry.id}`}
      onClick={() => toggle(entry.id)}
    >
      {open.has(entry.id) ? t('audit.hideChanges') : t('audit.showChanges')}
    </Button>
  );

  if (mobile) {
    return (
      <Stack
        gap="xs"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('audit.title')}
      >
        {entries.map((entry) => (
          <Card key={entry.id} component="li" withBorder padding="sm">
            <Text size="sm" fw={500}>
              {actionName(entry.action)}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(entry.at, language)}
            </Text>
            <Group gap={4}>
              <Text size="sm" span>
                {t('audit.actor')}:
              </Text>
              {actor(entry)}
            </Group>
            {entry.unitId !== null ? (
              <Group gap={4}>
                <Text size="sm" span>
                  {t('audit.unit')}:
                </Text>
                <UnitName id={entry.unitId} />
              </Group>
            ) : null}
            <Group mt={4}>{toggleButton(entry)}</Group>
            <Collapse expanded={open.has(entry.id)} id={`audit-changes-${entry.id}`}>
              {open.has(entry.id) ? <AuditChanges entry={entry} kindName={kindName} /> : null}
            </Collapse>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-label={t('audit.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.time')}</Table.Th>
            <Table.Th scope="col">{t('audit.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.unit')}</Table.Th>
            <Table.Th scope="col">{t('audit.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Fragment key={entry.id}>
              <Table.Tr>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(entry.at, language)}
                </Table.Td>
                <Table.Td>{actor(entry)}</Table.Td>
                <Table.Td>{actionName(entry.action)}</Table.Td>
                <Table.Td>
                  {entry.unitId !== null ? <UnitName id={entry.unitId} /> : t('common.none')}
                </Table.Td>
                <Table.Td>{toggleButton(entry)}</Table.Td>
              </Table.Tr>
              {open.has(entry.id) ? (
                <Table.Tr id={`audit-changes-${entry.id}`}>
                  <Table.Td colSpan={5} bg="gray.0">
                    <AuditChanges entry={entry} kindName={kindName} />
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A unit named by its id (looked up once, then cached). */
function UnitName({ id }: { id: number }) {
  const unit = useUnitDetail(id);
  return (
    <Anchor component={Link} to={`/units/${id}`} size="sm">
      {unit.data?.unit.name ?? `#${id}`}
    </Anchor>
  );
}
