/**
 * The criteria tree as an indented table on office screens (title, max and rule edited in place)
 * and as a stacked list on phones (edited in the side panel, actions in a menu). Each parent shows
 * the sum of its children against its own max, and each node the problems found on it.
 *
 * Keyboard: every control is reachable with Tab; on a row, Alt+↑/↓ moves the criterion, Alt+→
 * indents it under the one above, Alt+← outdents it, Alt+Enter adds a criterion after it.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { parseHundredths } from '@domain/scoring/decimal.ts';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { points } from './format.ts';
import {
  maxOf,
  normalSum,
  outline,
  possibleMoves,
  ruleOf,
  type EditNode,
  type NodePatch,
  type OutlineRow,
} from './tree-edit.ts';

export type StructureAction =
  'addChild' | 'addSibling' | 'up' | 'down' | 'indent' | 'outdent' | 'delete';

interface CriteriaTreeProps {
  nodes: EditNode[];
  readOnly: boolean;
  problemsByCode: ReadonlyMap<string, string[]>;
  collapsed: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onEdit: (key: string, patch: NodePatch) => void;
  /** Applies a structural edit; returns the key of the node to focus afterwards. */
  onStructure: (action: StructureAction, key: string) => string | null;
  onOpen: (key: string, preview?: boolean) => void;
}

const SHORTCUTS: Record<string, StructureAction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowRight: 'indent',
  ArrowLeft: 'outdent',
  Enter: 'addSibling',
};

/** The tree, editable or not. */
export function CriteriaTree(props: CriteriaTreeProps) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { nodes, readOnly, collapsed } = props;
  const rows = outline(nodes, collapsed);
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);

  // Moving a row re-inserts its DOM nodes, which drops the focus: put it back where it was.
  useEffect(() => {
    if (!pendingFocus) return;
    const target = document.querySelector<HTMLElement>(`[data-focus="${pendingFocus}"]`);
    target?.focus();
    setPendingFocus(null);
  }, [pendingFocus, nodes]);

  const run = (action: StructureAction, key: string, field: string) => {
    const focusKey = props.onStructure(action, key);
    if (focusKey) {
      const adding = action === 'addChild' || action === 'addSibling';
      setPendingFocus(`${focusKey}:${adding ? (mobile ? 'menu' : 'title') : field}`);
    }
  };

  const onRowKey = (key: string) => (event: KeyboardEvent) => {
    if (readOnly || !event.altKey) return;
    const action = SHORTCUTS[event.key];
    if (!action) return;
    event.preventDefault();
    const field = (event.target as HTMLElement).dataset.focus?.split(':')[1] ?? 'title';
    run(action, key, field);
  };

  if (rows.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('criteria.treeEmpty')}
      </Text>
    );
  }

  const shared = { ...props, run, t };
  return mobile ? (
    <Stack
      gap="xs"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('criteria.treeLabel')}
    >
      {rows.map((row) => (
        <MobileRow key={row.node.key} row={row} {...shared} />
      ))}
    </Stack>
  ) : (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing={6} aria-label={t('criteria.treeLabel')} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={110}>
              {t('criteria.code')}
            </Table.Th>
            <Table.Th scope="col">{t('criteria.nodeTitleField')}</Table.Th>
            <Table.Th scope="col" w={130}>
              {t('criteria.max')}
            </Table.Th>
            <Table.Th scope="col" w={260}>
              {t('criteria.rule')}
            </Table.Th>
            <Table.Th scope="col" w={readOnly ? 110 : 190}>
              <span className="visually-hidden">{t('criteria.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <DesktopRow
              key={row.node.key}
              row={row}
              onKeyDown={onRowKey(row.node.key)}
              {...shared}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

// i18next's own type: inferring it from the hook gets too deep for the compiler with a large catalogue.
type Translate = TFunction;

interface RowProps extends CriteriaTreeProps {
  row: OutlineRow;
  run: (action: StructureAction, key: string, field: string) => void;
  t: Translate;
}

/** "Tổng con 9,50 / 10,00" for a normal parent; red when it does not add up. */
function ChildSum({ row, t }: { row: OutlineRow; t: Translate }) {
  const { node } = row;
  if (node.children.length === 0 || row.kind !== 'normal') return null;
  const sum = normalSum(node.children, row.kind);
  const max = maxOf(node);
  if (sum === null || max === null) return null;
  return (
    <Text size="xs" c={sum === max ? 'dimmed' : 'red'} fw={sum === max ? 400 : 600}>
      {t('criteria.childSum', { sum: points(sum), max: points(max) })}
    </Text>
  );
}

function Problems({ row, problemsByCode }: Pick<RowProps, 'row' | 'problemsByCode'>) {
  const list = problemsByCode.get(row.node.code) ?? [];
  if (list.length === 0) return null;
  return (
    <Stack gap={0} id={`problems-${row.node.key}`}>
      {list.map((p, i) => (
        <Text key={i} size="xs" c="red" lang="vi">
          ⚠ {p}
        </Text>
      ))}
    </Stack>
  );
}

function Badges({ row, t }: { row: OutlineRow; t: Translate }) {
  const badges: ReactNode[] = [];
  if (row.kind !== 'normal' && row.kind !== row.parentKind) {
    badges.push(
      <Badge key="kind" size="xs" variant="light" color={row.kind === 'bonus' ? 'teal' : 'grape'}>
        {t(`criteria.kinds.${row.kind}`)}
      </Badge>,
    );
  }
  if (row.node.toBeConfirmed) {
    badges.push(
      <Badge key="tbc" size="xs" variant="light" color="orange">
        {t('criteria.toBeConfirmedBadge')}
      </Badge>,
    );
  }
  if (row.node.notApplicable) {
    badges.push(
      <Badge key="na" size="xs" variant="light" color="gray">
        {t(`criteria.naShort.${row.node.notApplicable}`)}
      </Badge>,
    );
  }
  return badges.length > 0 ? <Group gap={4}>{badges}</Group> : null;
}

function ToggleButton({ row, collapsed, onToggle, t }: RowProps) {
  const { node } = row;
  if (node.children.length === 0) return <span style={{ display: 'inline-block', width: 22 }} />;
  const open = !collapsed.has(node.key);
  return (
    <ActionIcon
      variant="subtle"
      size="sm"
      color="gray"
      onClick={() => onToggle(node.key)}
      aria-expanded={open}
      aria-label={
        open
          ? t('criteria.collapse', { code: node.code })
          : t('criteria.expand', { code: node.code })
      }
    >
      {open ? '▾' : '▸'}
    </ActionIcon>
  );
}

function ActionsMenu({ row, nodes, run, onOpen, t, compact }: RowProps & { compact: boolean }) {
  const { node } = row;
  const moves = possibleMoves(nodes, node.key);
  const leaf = node.children.length === 0;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="default"
          size="md"
          aria-label={t('criteria.nodeActions', { code: node.code })}
          data-focus={`${node.key}:menu`}
        >
          ⋯
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onOpen(node.key)}>{t('criteria.details')}</Menu.Item>
        {leaf ? (
          <Menu.Item onClick={() => onOpen(node.key, true)}>{t('criteria.preview')}</Menu.Item>
        ) : null}
        <Menu.Divider />
        <Menu.Item disabled={!moves.addChild} onClick={() => run('addChild', node.key, 'menu')}>
          {t('criteria.addChild')}
        </Menu.Item>
        <Menu.Item onClick={() => run('addSibling', node.key, 'menu')}>
          {t('criteria.addSibling')}
        </Menu.Item>
        {compact ? (
          <>
            <Menu.Item disabled={!moves.up} onClick={() => run('up', node.key, 'menu')}>
              {t('criteria.moveUp')}
            </Menu.Item>
            <Menu.Item disabled={!moves.down} onClick={() => run('down', node.key, 'menu')}>
              {t('criteria.moveDown')}
            </Menu.Item>
            <Menu.Item disabled={!moves.indent} onClick={() => run('indent', node.key, 'menu')}>
              {t('criteria.indent')}
            </Menu.Item>
            <Menu.Item disabled={!moves.outdent} onClick={() => run('outdent', node.key, 'menu')}>
              {t('criteria.outdent')}
            </Menu.Item>
          </>
        ) : null}
        <Menu.Divider />
        <Menu.Item color="red" onClick={() => run('delete', node.key, 'menu')}>
          {node.children.length > 0
            ? t('criteria.deleteNodeWithChildren')
            : t('criteria.deleteNode')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function MoveButtons({ row, nodes, run, t }: RowProps) {
  const { node } = row;
  const moves = possibleMoves(nodes, node.key);
  const button = (action: StructureAction, enabled: boolean, symbol: string, label: string) => (
    <ActionIcon
      variant="subtle"
      size="md"
      disabled={!enabled}
      onClick={() => run(action, node.key, action)}
      aria-label={label}
      title={label}
      data-focus={`${node.key}:${action}`}
    >
      {symbol}
    </ActionIcon>
  );
  return (
    <>
      {button('up', moves.up, '↑', t('criteria.moveUpCode', { code: node.code }))}
      {button('down', moves.down, '↓', t('criteria.moveDownCode', { code: node.code }))}
      {button('outdent', moves.outdent, '←', t('criteria.outdentCode', { code: node.code }))}
      {button('indent', moves.indent, '→', t('criteria.indentCode', { code: node.code }))}
    </>
  );
}

function maxError(node: EditNode): string | undefined {
  const parsed = parseHundredths(node.maxText);
  return parsed.ok ? undefined : parsed.error;
}

function DesktopRow(props: RowProps & { onKeyDown: (event: KeyboardEvent) => void }) {
  const { row, readOnly, onEdit, onOpen, t, onKeyDown } = props;
  const { node, depth } = row;
  const leaf = node.children.length === 0;
  const rule = ruleOf(node);
  const describedBy = (props.problemsByCode.get(node.code) ?? []).length
    ? `problems-${node.key}`
    : undefined;
  return (
    <Table.Tr onKeyDown={onKeyDown} style={{ verticalAlign: 'top' }}>
      <Table.Td>
        <Group gap={4} wrap="nowrap" pl={(depth - 1) * 14}>
          <ToggleButton {...props} />
          <Text size="sm" fw={depth === 1 ? 700 : 400}>
            {node.code}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          {readOnly ? (
            <Text size="sm" fw={depth === 1 ? 600 : 400}>
              {node.title}
            </Text>
          ) : (
            <TextInput
              size="xs"
              value={node.title}
              onChange={(e) => onEdit(node.key, { title: e.currentTarget.value })}
              aria-label={t('criteria.titleOf', { code: node.code })}
              aria-describedby={describedBy}
              data-focus={`${node.key}:title`}
              fw={depth === 1 ? 600 : 400}
            />
          )}
          <Badges row={row} t={t} />
          <Problems row={row} problemsByCode={props.problemsByCode} />
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          {readOnly ? (
            <Text size="sm">{node.maxText}</Text>
          ) : (
            <TextInput
              size="xs"
              value={node.maxText}
              inputMode="decimal"
              onChange={(e) => onEdit(node.key, { maxText: e.currentTarget.value })}
              aria-label={t('criteria.maxOf', { code: node.code })}
              error={maxError(node)}
              data-focus={`${node.key}:max`}
              w={100}
            />
          )}
          <ChildSum row={row} t={t} />
        </Stack>
      </Table.Td>
      <Table.Td>
        {readOnly ? (
          <Text size="sm" lang="vi">
            {node.ruleText || t('common.none')}
          </Text>
        ) : leaf || node.ruleText.trim() !== '' ? (
          <TextInput
            size="xs"
            value={node.ruleText}
            onChange={(e) => onEdit(node.key, { ruleText: e.currentTarget.value })}
            aria-label={t('criteria.ruleOf', { code: node.code })}
            placeholder={t('criteria.rulePlaceholder')}
            error={rule.state === 'error' ? rule.error : undefined}
            data-focus={`${node.key}:rule`}
            lang="vi"
          />
        ) : (
          <Text size="xs" c="dimmed">
            {t('criteria.ruleFromChildren')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {readOnly ? (
          <Button
            size="xs"
            variant="default"
            onClick={() => onOpen(node.key)}
            aria-label={t('criteria.detailsOf', { code: node.code })}
          >
            {t('criteria.details')}
          </Button>
        ) : (
          <Group gap={2} wrap="nowrap">
            <MoveButtons {...props} />
            <ActionsMenu {...props} compact={false} />
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function MobileRow(props: RowProps) {
  const { row, readOnly, onOpen, t } = props;
  const { node, depth } = row;
  const rule = ruleOf(node);
  return (
    <Card component="li" withBorder padding="xs" ml={Math.min(depth - 1, 4) * 10}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Group gap={4} wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          <ToggleButton {...props} />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="sm" fw={depth === 1 ? 700 : 500}>
              {node.code}. {node.title || t('criteria.untitled')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('criteria.max')}: {node.maxText}
              {node.ruleText ? ` · ${node.ruleText}` : ''}
            </Text>
            {rule.state === 'error' ? (
              <Text size="xs" c="red" lang="vi">
                ⚠ {rule.error}
              </Text>
            ) : null}
            <ChildSum row={row} t={t} />
            <Badges row={row} t={t} />
            <Problems row={row} problemsByCode={props.problemsByCode} />
          </Stack>
        </Group>
        {readOnly ? (
          <Button
            size="xs"
            variant="default"
            onClick={() => onOpen(node.key)}
            aria-label={t('criteria.detailsOf', { code: node.code })}
          >
            {t('criteria.details')}
          </Button>
        ) : (
          <ActionsMenu {...props} compact />
        )}
      </Group>
    </Card>
  );
}
