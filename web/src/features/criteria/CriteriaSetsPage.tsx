/**
 * The criteria sets (bộ chỉ số) by year and unit kind, with their status, total and size; for the
 * standing agency: create (empty or from a template), import and export Excel, copy for a new
 * year, delete a draft.
 */
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Menu,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { SuccessNotice } from '../../components/SuccessNotice.tsx';
import { useUnitKinds } from '../../lib/units.ts';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { exportUrl, type CriteriaSetSummary } from './api.ts';
import { CopySetModal } from './CopySetModal.tsx';
import { CreateSetModal } from './CreateSetModal.tsx';
import { points } from './format.ts';
import { useCriteriaPermissions, useCriteriaSets, useDeleteSet } from './hooks.ts';
import { ImportSetModal } from './ImportSetModal.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** The list of criteria sets. */
export function CriteriaSetsPage() {
  const { t } = useTranslation();
  usePageTitle(t('criteria.title'));
  const language = useLanguage();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { kinds, kindName } = useUnitKinds(language);
  const permissions = useCriteriaPermissions();
  const list = useCriteriaSets();
  const remove = useDeleteSet();
  const [year, setYear] = useState<string | null>(null);
  const [unitKind, setUnitKind] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [copying, setCopying] = useState<CriteriaSetSummary | null>(null);
  const [deleting, setDeleting] = useState<CriteriaSetSummary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const sets = useMemo(() => list.data?.items ?? [], [list.data]);
  const years = useMemo(
    () => [...new Set(sets.map((s) => s.year))].sort((a, b) => b - a).map(String),
    [sets],
  );
  const setKinds = useMemo(() => [...new Set(sets.map((s) => s.unitKind))], [sets]);
  const shown = sets.filter(
    (s) =>
      (year === null || String(s.year) === year) && (unitKind === null || s.unitKind === unitKind),
  );

  const actions = (set: CriteriaSetSummary) => {
    const manage = permissions.canManage(set.ownerUnitId);
    return (
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            size="xs"
            aria-label={t('criteria.actionsFor', { name: set.name })}
          >
            {t('criteria.actions')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component={Link} to={`/criteria/${set.id}`}>
            {set.status === 'draft' && manage ? t('criteria.openEdit') : t('criteria.open')}
          </Menu.Item>
          <Menu.Item component="a" href={exportUrl(set.id)} download>
            {t('criteria.exportExcel')}
          </Menu.Item>
          {manage ? (
            <Menu.Item onClick={() => setCopying(set)}>{t('criteria.copyForYear')}</Menu.Item>
          ) : null}
          {set.basedOnId !== null ? (
            <Menu.Item component={Link} to={`/criteria/${set.id}/mapping`}>
              {t('criteria.mapping')}
            </Menu.Item>
          ) : null}
          {manage && set.status === 'draft' ? (
            <Menu.Item color="red" onClick={() => setDeleting(set)}>
              {t('criteria.delete')}
            </Menu.Item>
          ) : null}
        </Menu.Dropdown>
      </Menu>
    );
  };

  const body = mobile ? (
    <Stack
      gap="xs"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('criteria.title')}
    >
      {shown.map((set) => (
        <Card key={set.id} component="li" withBorder padding="sm">
          <Anchor component={Link} to={`/criteria/${set.id}`} fw={500}>
            {set.name}
          </Anchor>
          <Group gap="xs" mt={4}>
            <StatusBadge status={set.status} />
            <Text size="sm" c="dimmed">
              {set.year} · {kindName(set.unitKind)}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {t('criteria.totalPoints')}: {points(set.maxHundredths)} ·{' '}
            {t('criteria.nodeCountValue', { count: set.nodeCount })}
          </Text>
          {set.ownerUnitName ? (
            <Text size="sm" c="dimmed">
              {t('criteria.owner')}: {set.ownerUnitName}
            </Text>
          ) : null}
          <Group justify="flex-end" mt={4}>
            {actions(set)}
          </Group>
        </Card>
      ))}
    </Stack>
  ) : (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('criteria.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('criteria.name')}</Table.Th>
            <Table.Th scope="col">{t('criteria.year')}</Table.Th>
            <Table.Th scope="col">{t('criteria.unitKind')}</Table.Th>
            <Table.Th scope="col">{t('criteria.owner')}</Table.Th>
            <Table.Th scope="col">{t('criteria.status')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('criteria.totalPoints')}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('criteria.nodeCount')}
            </Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('criteria.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((set) => (
            <Table.Tr key={set.id}>
              <Table.Td>
                <Anchor component={Link} to={`/criteria/${set.id}`}>
                  {set.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{set.year}</Table.Td>
              <Table.Td>{kindName(set.unitKind)}</Table.Td>
              <Table.Td>{set.ownerUnitName ?? t('criteria.ownerNational')}</Table.Td>
              <Table.Td>
                <StatusBadge status={set.status} />
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{points(set.maxHundredths)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{set.nodeCount}</Table.Td>
              <Table.Td>{actions(set)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Title order={2}>{t('criteria.title')}</Title>
        {permissions.canCreate ? (
          <Group gap="xs">
            <Button onClick={() => setCreating(true)}>{t('criteria.create')}</Button>
            <Button variant="default" onClick={() => setImporting(true)}>
              {t('criteria.importExcel')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed">
        {t('criteria.intro')}
      </Text>
      {notice ? <SuccessNotice onClose={() => setNotice(null)}>{notice}</SuccessNotice> : null}
      <Group gap="sm" align="flex-end">
        <Select
          label={t('criteria.filterYear')}
          placeholder={t('criteria.allYears')}
          data={years}
          value={year}
          onChange={setYear}
          clearable
          w={160}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('criteria.filterUnitKind')}
          placeholder={t('criteria.allUnitKinds')}
          data={setKinds.map((k) => ({ value: k, label: kindName(k) }))}
          value={unitKind}
          onChange={setUnitKind}
          clearable
          w={240}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : shown.length === 0 ? (
        <Alert variant="light" color="gray" role="status">
          {t('criteria.empty')}
        </Alert>
      ) : (
        body
      )}

      <CreateSetModal
        opened={creating}
        kinds={kinds}
        onClose={() => setCreating(false)}
        onCreated={(detail) => {
          setCreating(false);
          void navigate(`/criteria/${detail.set.id}`);
        }}
      />
      <ImportSetModal
        opened={importing}
        onClose={() => setImporting(false)}
        onImported={(detail) => {
          setImporting(false);
          void navigate(`/criteria/${detail.set.id}`, {
            state: { notice: t('criteria.imported', { name: detail.set.name }) },
          });
        }}
      />
      <CopySetModal
        source={copying}
        onClose={() => setCopying(null)}
        onCopied={(detail) => {
          setCopying(null);
          void navigate(`/criteria/${detail.set.id}/mapping`);
        }}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('criteria.deleteTitle')}
        message={t('criteria.deleteConfirm', { name: deleting?.name ?? '' })}
        confirmLabel={t('criteria.delete')}
        color="red"
        loading={remove.isPending}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (!deleting) return;
          const name = deleting.name;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              setNotice(t('criteria.deleted', { name }));
            },
          });
        }}
      >
        <ErrorAlert error={remove.error} />
      </ConfirmDialog>
    </Stack>
  );
}
