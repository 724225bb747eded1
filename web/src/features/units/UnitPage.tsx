/**
 * One unit: where it sits in the tree, its details, its merger history and its sub-units; for
 * those who manage it, adding a sub-unit, editing or moving it and recording a merger.
 */
import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  DataList,
  Group,
  Paper,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { SuccessNotice } from '../../components/SuccessNotice.tsx';
import { todayIso } from '../../lib/dates.ts';
import { useSession } from '../../lib/session.tsx';
import { isExpired, useUnitDetail, useUnitKinds, type UnitDetail } from '../../lib/units.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useUnitList } from './hooks.ts';
import { LineageSection } from './LineageSection.tsx';
import { MergerFormModal } from './MergerFormModal.tsx';
import { UnitFormModal, type UnitFormTarget } from './UnitFormModal.tsx';
import { UnitList } from './UnitList.tsx';
import { UnitValidity } from './UnitValidity.tsx';

interface UnitPageState {
  notice?: string;
}

/** The page of one unit. */
export function UnitPage() {
  const { t } = useTranslation();
  const { unitId } = useParams();
  const id = Number(unitId);
  const detail = useUnitDetail(Number.isInteger(id) && id > 0 ? id : null);
  usePageTitle(detail.data?.unit.name ?? t('units.title'));

  if (!Number.isInteger(id) || id <= 0)
    return <Alert color="red">{t('errors.notFoundPage')}</Alert>;
  if (detail.isLoading) return <LoadingState />;
  if (detail.error || !detail.data) return <ErrorAlert error={detail.error} />;
  // Keyed by unit: moving to another unit starts with fresh forms and notices.
  return <UnitView key={id} detail={detail.data} />;
}

function UnitView({ detail }: { detail: UnitDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const { kinds, kindName } = useUnitKinds(language);
  const [params, setParams] = useSearchParams();
  const current = params.get('current') === '1';
  const { unit, ancestors, permissions } = detail;
  const [form, setForm] = useState<UnitFormTarget | null>(null);
  const [mergerOpen, setMergerOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(
    (location.state as UnitPageState | null)?.notice ?? null,
  );
  // The notice came with the navigation; a reload must not show it again.
  useEffect(() => {
    if ((location.state as UnitPageState | null)?.notice) {
      void navigate(
        { pathname: location.pathname, search: location.search },
        { replace: true, state: null },
      );
    }
  }, [location, navigate]);
  const children = useUnitList({ parentId: unit.id, current }, unit.childCount > 0);
  const childUnits = children.data?.pages.flatMap((p) => p.items) ?? [];
  const childTotal = children.data?.pages[0]?.total ?? 0;
  const expired = isExpired(unit, todayIso());
  const linkSearch = current ? '?current=1' : '';
  const parentAncestor = ancestors[ancestors.length - 1];

  return (
    <Stack>
      <nav aria-label={t('units.breadcrumbLabel')}>
        <Breadcrumbs separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
          <Anchor component={Link} to={`/units${linkSearch}`} size="sm">
            {t('units.allUnits')}
          </Anchor>
          {ancestors.map((a) => (
            <Anchor key={a.id} component={Link} to={`/units/${a.id}${linkSearch}`} size="sm">
              {a.name}
            </Anchor>
          ))}
          <Text size="sm" aria-current="page">
            {unit.name}
          </Text>
        </Breadcrumbs>
      </nav>

      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="xs" align="center">
          <Title order={2} c={expired ? 'dimmed' : undefined}>
            {unit.name}
          </Title>
          <Badge variant="outline" color="gray">
            {unit.code}
          </Badge>
          {expired ? (
            <Badge variant="light" color="gray">
              {t('units.expiredBadge')}
            </Badge>
          ) : null}
        </Group>
        <Group gap="xs">
          {permissions.manage ? (
            <>
              <Button
                size="sm"
                onClick={() =>
                  setForm({ mode: 'create', parent: { id: unit.id, name: unit.name } })
                }
              >
                {t('units.addChild')}
              </Button>
              <Button
                size="sm"
                variant="default"
                onClick={() =>
                  setForm({
                    mode: 'edit',
                    unit,
                    parent:
                      unit.parentId !== null
                        ? {
                            id: unit.parentId,
                            code: parentAncestor?.code ?? '',
                            name: unit.parentName ?? parentAncestor?.name ?? '',
                            parentName: null,
                            validTo: null,
                          }
                        : null,
                  })
                }
              >
                {t('units.edit')}
              </Button>
              <Button size="sm" variant="default" onClick={() => setMergerOpen(true)}>
                {t('units.recordMerger')}
              </Button>
            </>
          ) : null}
          {session.permissions.readAudit ? (
            <Button size="sm" variant="subtle" component={Link} to={`/audit?unit=${unit.id}`}>
              {t('units.auditLog')}
            </Button>
          ) : null}
        </Group>
      </Group>

      {notice ? <SuccessNotice onClose={() => setNotice(null)}>{notice}</SuccessNotice> : null}

      <Paper withBorder p="md" component="section" aria-labelledby="details-title">
        <Title order={3} size="h4" id="details-title" mb="sm">
          {t('units.details')}
        </Title>
        <DataList labelWidth={180}>
          <DataList.Item>
            <DataList.ItemLabel>{t('units.code')}</DataList.ItemLabel>
            <DataList.ItemValue>{unit.code}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('units.kind')}</DataList.ItemLabel>
            <DataList.ItemValue>{kindName(unit.kind)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('units.parent')}</DataList.ItemLabel>
            <DataList.ItemValue>
              {unit.parentId !== null ? (
                <Anchor component={Link} to={`/units/${unit.parentId}${linkSearch}`}>
                  {unit.parentName ?? unit.parentId}
                </Anchor>
              ) : (
                t('common.none')
              )}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('units.validity')}</DataList.ItemLabel>
            <DataList.ItemValue>
              <UnitValidity unit={unit} />
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Paper>

      <LineageSection
        unitId={unit.id}
        kindName={kindName}
        canManage={permissions.manage}
        onChanged={(mode) =>
          setNotice(mode === 'remove' ? t('units.mergerRemoved') : t('units.mergerCorrected'))
        }
      />

      <Paper withBorder p="md" component="section" aria-labelledby="children-title">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4" id="children-title">
            {t('units.children')}
          </Title>
          {unit.childCount > 0 ? (
            <Switch
              label={t('units.currentOnly')}
              checked={current}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                setParams(
                  (prev) => {
                    const p = new URLSearchParams(prev);
                    if (checked) p.set('current', '1');
                    else p.delete('current');
                    return p;
                  },
                  { replace: true },
                );
              }}
            />
          ) : null}
        </Group>
        {unit.childCount === 0 ? (
          <Text size="sm" c="dimmed">
            {t('units.noChildren')}
          </Text>
        ) : children.isLoading ? (
          <LoadingState />
        ) : children.error ? (
          <ErrorAlert error={children.error} />
        ) : childUnits.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('units.noChildren')}
          </Text>
        ) : (
          <UnitList
            units={childUnits}
            total={childTotal}
            kindName={kindName}
            caption={t('units.children')}
            showParent={false}
            hasMore={children.hasNextPage}
            loadingMore={children.isFetchingNextPage}
            onLoadMore={() => void children.fetchNextPage()}
            linkSearch={linkSearch}
          />
        )}
      </Paper>

      <UnitFormModal
        target={form}
        kinds={kinds}
        onClose={() => setForm(null)}
        onSaved={(saved, mode) => {
          setForm(null);
          if (mode === 'create') {
            void navigate(`/units/${saved.id}`, {
              state: { notice: t('units.created', { name: saved.name }) },
            });
          } else {
            setNotice(t('units.saved'));
          }
        }}
      />
      <MergerFormModal
        successor={unit}
        opened={mergerOpen}
        onClose={() => setMergerOpen(false)}
        onSaved={() => {
          setMergerOpen(false);
          setNotice(t('units.mergerRecorded'));
        }}
      />
    </Stack>
  );
}
