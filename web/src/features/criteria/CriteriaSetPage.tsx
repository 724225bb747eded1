/**
 * One criteria set: the tree editor with running totals and live checks, the set's fields and
 * bands, save (with a version check), freeze, Excel export; read-only when frozen or for readers.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Tabs,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { describeProblem, validateTree } from '@domain/scoring/tree.ts';
import { validateClassBands } from '@domain/scoring/index.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { SuccessNotice } from '../../components/SuccessNotice.tsx';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { useUnitKinds } from '../../lib/units.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { exportUrl, type CriteriaSet, type CriteriaSetDetail } from './api.ts';
import { CriteriaTree, type StructureAction } from './CriteriaTree.tsx';
import { points } from './format.ts';
import { useCriteriaSet, useFreezeSet, useSaveTree } from './hooks.ts';
import { NodeDrawer } from './NodeDrawer.tsx';
import { RuleHelpButton } from './RuleHelp.tsx';
import { SetMetaForm } from './SetMetaForm.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import {
  addChild,
  addSibling,
  addTopLevel,
  blockingProblems,
  countNodes,
  findNode,
  fromServer,
  indentNode,
  moveNode,
  newNode,
  normalSum,
  outdentNode,
  outline,
  removeNode,
  toDomainTree,
  toPayload,
  updateNode,
  type EditNode,
  type NodePatch,
} from './tree-edit.ts';

/** The page of one set. */
export function CriteriaSetPage() {
  const { t } = useTranslation();
  const { setId } = useParams();
  const id = Number(setId);
  const valid = Number.isInteger(id) && id > 0;
  const detail = useCriteriaSet(valid ? id : null);
  const [generation, setGeneration] = useState(0);
  usePageTitle(detail.data?.set.name ?? t('criteria.title'));

  if (!valid) return <Alert color="red">{t('errors.notFoundPage')}</Alert>;
  if (detail.isLoading) return <LoadingState />;
  if (detail.error || !detail.data) return <ErrorAlert error={detail.error} />;
  // Remounted after a reload, so the editor starts again from what the server holds.
  return (
    <SetEditor
      key={`${id}:${generation}`}
      detail={detail.data}
      onReload={() => {
        void detail.refetch().then(() => setGeneration((g) => g + 1));
      }}
    />
  );
}

function SetEditor({ detail, onReload }: { detail: CriteriaSetDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const location = useLocation();
  const navigate = useNavigate();
  const { kinds, kindName } = useUnitKinds(language);
  const [set, setSet] = useState<CriteriaSet>(detail.set);
  const [nodes, setNodes] = useState<EditNode[]>(() => fromServer(detail.nodes));
  const [version, setVersion] = useState(detail.set.version);
  const [dirty, setDirty] = useState(false);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [drawer, setDrawer] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice ?? null,
  );
  const [confirmFreeze, setConfirmFreeze] = useState(false);
  const save = useSaveTree(set.id);
  const freeze = useFreezeSet(set.id);
  const editable = detail.canEdit && set.status === 'draft';

  useEffect(() => {
    if ((location.state as { notice?: string } | null)?.notice) {
      void navigate({ pathname: location.pathname }, { replace: true, state: null });
    }
  }, [location, navigate]);

  const problems = useMemo(
    () => [
      ...validateTree(toDomainTree(set.name, nodes)),
      ...validateClassBands(set.bands).map((message) => ({ code: '', message })),
    ],
    [nodes, set.name, set.bands],
  );
  const problemsByCode = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const p of problems) {
      if (p.code === '') continue;
      map.set(p.code, [...(map.get(p.code) ?? []), p.message]);
    }
    return map;
  }, [problems]);
  const blocking = blockingProblems(nodes);
  const total = normalSum(nodes, 'normal');
  const survey = set.surveyMaxHundredths;

  const edit = (next: EditNode[]) => {
    setNodes(next);
    setDirty(true);
    setNotice(null);
  };
  const onEdit = (key: string, patch: NodePatch) => edit(updateNode(nodes, key, patch));
  const onStructure = (action: StructureAction, key: string): string | null => {
    switch (action) {
      case 'addChild': {
        const node = newNode();
        edit(addChild(nodes, key, node));
        setCollapsed((c) => {
          const next = new Set(c);
          next.delete(key);
          return next;
        });
        return node.key;
      }
      case 'addSibling': {
        const node = newNode();
        edit(addSibling(nodes, key, node));
        return node.key;
      }
      case 'up':
        edit(moveNode(nodes, key, -1));
        return key;
      case 'down':
        edit(moveNode(nodes, key, 1));
        return key;
      case 'indent':
        edit(indentNode(nodes, key));
        return key;
      case 'outdent':
        edit(outdentNode(nodes, key));
        return key;
      case 'delete': {
        const rows = outline(nodes, collapsed);
        const index = rows.findIndex((r) => r.node.key === key);
        const neighbour = rows[index - 1]?.node.key ?? null;
        edit(removeNode(nodes, key));
        if (drawer === key) setDrawer(null);
        return neighbour;
      }
      default: {
        const never: never = action;
        return never;
      }
    }
  };

  const doSave = () => {
    if (blocking > 0) return;
    save.mutate(
      { version, nodes: toPayload(nodes) },
      {
        onSuccess: (saved) => {
          setNodes(fromServer(saved.nodes));
          setVersion(saved.set.version);
          setSet(saved.set);
          setDirty(false);
          setDrawer(null);
          setNotice(t('criteria.saved'));
        },
      },
    );
  };
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const drawerNode = drawer ? findNode(nodes, drawer) : null;

  const freezeReason = dirty
    ? t('criteria.freezeNeedsSave')
    : problems.length > 0
      ? t('criteria.freezeHasProblems', { count: problems.length })
      : null;

  const focusNode = (code: string) => {
    const row = outline(nodes).find((r) => r.node.code === code);
    if (!row) return;
    const el = document.querySelector<HTMLElement>(`[data-focus="${row.node.key}:title"]`);
    if (el) el.focus();
    else setDrawer(row.node.key);
  };

  return (
    <Stack>
      <Anchor component={Link} to="/criteria" size="sm">
        ← {t('criteria.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={2}>{set.name}</Title>
            <StatusBadge status={set.status} />
            <Badge variant="outline" color="gray">
              {set.year}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {kindName(set.unitKind)} · {set.ownerUnitName ?? t('criteria.ownerNational')} ·{' '}
            {t('criteria.nodeCountValue', { count: countNodes(nodes) })}
          </Text>
          <Text fw={600} aria-live="polite">
            {total === null
              ? t('criteria.totalUnknown')
              : survey === null
                ? t('criteria.totalLine', { total: points(total) })
                : t('criteria.totalWithSurvey', {
                    total: points(total + survey),
                    appraised: points(total),
                    survey: points(survey),
                  })}
          </Text>
        </Stack>
        <Group gap="xs">
          {editable ? (
            <Button onClick={doSave} loading={save.isPending} disabled={!dirty || blocking > 0}>
              {t('criteria.save')}
            </Button>
          ) : null}
          <Button variant="default" component="a" href={exportUrl(set.id)} download>
            {t('criteria.exportExcel')}
          </Button>
          {set.basedOnId !== null ? (
            <Button variant="default" component={Link} to={`/criteria/${set.id}/mapping`}>
              {t('criteria.mapping')}
            </Button>
          ) : null}
          <RuleHelpButton size="sm" />
        </Group>
      </Group>

      {notice ? <SuccessNotice onClose={() => setNotice(null)}>{notice}</SuccessNotice> : null}
      {set.status === 'frozen' ? (
        <Alert color="gray" variant="light" title={t('criteria.frozenTitle')}>
          {t('criteria.frozenNote')}
        </Alert>
      ) : !detail.canEdit ? (
        <Alert color="gray" variant="light">
          {t('criteria.readOnlyNote')}
        </Alert>
      ) : null}
      {editable && dirty ? (
        <Text size="sm" c="orange" role="status">
          {blocking > 0 ? t('criteria.unsavedBlocked', { count: blocking }) : t('criteria.unsaved')}
        </Text>
      ) : null}
      {conflict ? (
        <Alert color="red" variant="light" role="alert" title={t('criteria.conflictTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('criteria.conflictText')}</Text>
            <Group>
              <Button size="xs" color="red" onClick={onReload}>
                {t('criteria.reload')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <ErrorAlert error={save.error} />
      )}

      <Tabs defaultValue="tree" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="tree">{t('criteria.tabTree')}</Tabs.Tab>
          <Tabs.Tab value="meta">{t('criteria.tabMeta')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="tree" pt="md">
          <Stack>
            <Paper withBorder p="sm" component="section" aria-labelledby="problems-title">
              <Group justify="space-between">
                <Text
                  fw={600}
                  id="problems-title"
                  c={problems.length > 0 ? 'orange' : 'green'}
                  aria-live="polite"
                >
                  {problems.length > 0
                    ? t('criteria.problemCount', { count: problems.length })
                    : t('criteria.noProblems')}
                </Text>
                {editable ? (
                  <Group gap="xs">
                    {freezeReason ? (
                      <Text size="xs" c="dimmed" id="freeze-reason">
                        {freezeReason}
                      </Text>
                    ) : null}
                    <Button
                      size="xs"
                      variant="light"
                      color="gray"
                      disabled={freezeReason !== null}
                      aria-describedby={freezeReason ? 'freeze-reason' : undefined}
                      onClick={() => setConfirmFreeze(true)}
                    >
                      {t('criteria.freeze')}
                    </Button>
                  </Group>
                ) : null}
              </Group>
              {problems.length > 0 ? (
                <List size="sm" mt="xs" spacing={2} style={{ maxHeight: 180, overflowY: 'auto' }}>
                  {problems.map((p, i) => (
                    <List.Item key={i} lang="vi">
                      {p.code ? (
                        <UnstyledButton
                          onClick={() => focusNode(p.code)}
                          style={{ fontSize: 'inherit', textAlign: 'left' }}
                        >
                          {describeProblem(p)}
                        </UnstyledButton>
                      ) : (
                        describeProblem(p)
                      )}
                    </List.Item>
                  ))}
                </List>
              ) : null}
            </Paper>
            {editable ? (
              <Text size="xs" c="dimmed">
                {t('criteria.numberingNote')} {t('criteria.shortcutsNote')}
              </Text>
            ) : null}
            <CriteriaTree
              nodes={nodes}
              readOnly={!editable}
              problemsByCode={problemsByCode}
              collapsed={collapsed}
              onToggle={(key) =>
                setCollapsed((c) => {
                  const next = new Set(c);
                  if (next.has(key)) next.delete(key);
                  else next.add(key);
                  return next;
                })
              }
              onEdit={onEdit}
              onStructure={onStructure}
              onOpen={(key) => setDrawer(key)}
            />
            {editable ? (
              <Group>
                <Button variant="light" onClick={() => edit(addTopLevel(nodes, newNode()))}>
                  {t('criteria.addTopLevel')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="meta" pt="md">
          <SetMetaForm
            set={set}
            version={version}
            editable={editable}
            kinds={kinds}
            kindName={kindName}
            onSaved={(saved) => {
              setSet(saved.set);
              setVersion(saved.set.version);
            }}
          />
        </Tabs.Panel>
      </Tabs>

      <NodeDrawer
        node={drawerNode}
        readOnly={!editable}
        problems={drawerNode ? (problemsByCode.get(drawerNode.code) ?? []) : []}
        onChange={onEdit}
        onClose={() => setDrawer(null)}
      />
      <ConfirmDialog
        opened={confirmFreeze}
        title={t('criteria.freezeTitle')}
        message={t('criteria.freezeConfirm', { name: set.name })}
        confirmLabel={t('criteria.freeze')}
        loading={freeze.isPending}
        onClose={() => {
          setConfirmFreeze(false);
          freeze.reset();
        }}
        onConfirm={() =>
          freeze.mutate(undefined, {
            onSuccess: (frozen) => {
              setConfirmFreeze(false);
              setSet(frozen.set);
              setVersion(frozen.set.version);
              setNotice(t('criteria.frozenDone'));
            },
          })
        }
      >
        <ErrorAlert error={freeze.error} />
      </ConfirmDialog>
      {/* Unsaved changes: ask before leaving the page, and before closing the tab. */}
      <UnsavedChangesGuard
        dirty={dirty}
        title={t('criteria.leaveTitle')}
        message={t('criteria.leaveConfirm')}
        confirmLabel={t('criteria.leave')}
      />
    </Stack>
  );
}
