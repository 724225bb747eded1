/**
 * The criteria tree as the editor holds it, and the edits on it. Numbers and rules stay as the
 * user typed them ("1,5", "tỷ lệ") so a half-typed value is never lost; they are parsed for the
 * live checks and on save. Every structural edit (add, indent, outdent, move, delete) renumbers
 * the codes from the positions (1, 1.1, 1.1.1…): codes always follow the outline, and the link to
 * last year's nodes is kept by node id, not by code.
 */
import { parseHundredths } from '@domain/scoring/decimal.ts';
import { parseRuleText } from '@domain/scoring/rule-text.ts';
import type { ScoringRule } from '@domain/scoring/rules.ts';
import type { CriteriaNode, NodeKind } from '@domain/scoring/tree.ts';
import { formatPointsCompact } from '@domain/scoring/decimal.ts';
import type {
  EvidenceRequirementValue,
  NodeInput,
  NodeKindValue,
  NodeView,
  NotApplicableValue,
  RequiredKind,
} from './api.ts';

/** The deepest level the server accepts. */
export const MAX_DEPTH = 6;

/** One node being edited; `key` is stable across edits, `id` is null until saved. */
export interface EditNode {
  key: string;
  id: number | null;
  code: string;
  title: string;
  maxText: string;
  ruleText: string;
  notApplicable: NotApplicableValue | null;
  kind: NodeKindValue | null;
  guidance: string;
  evidence: string;
  agency: string;
  source: string;
  toBeConfirmed: boolean;
  /** What the evidence checks expect: a type of document, a digital signature, an issue deadline. */
  requiredKind: RequiredKind | null;
  mustBeSigned: boolean;
  /** A signing day other than the issue day only warns (default: it puts the points at risk). */
  signingDateOnlyWarns: boolean;
  /** "YYYY-MM-DD" or empty. */
  evidenceDeadline: string;
  children: EditNode[];
}

/** The fields a user edits in place or in the side panel. */
export type NodePatch = Partial<Omit<EditNode, 'key' | 'id' | 'code' | 'children'>>;

let counter = 0;

/** A fresh empty node (max 0, no rule): the live checks then say what it still needs. */
export function newNode(): EditNode {
  counter += 1;
  return {
    key: `new-${counter}`,
    id: null,
    code: '',
    title: '',
    maxText: '0',
    ruleText: '',
    notApplicable: null,
    kind: null,
    guidance: '',
    evidence: '',
    agency: '',
    source: '',
    toBeConfirmed: false,
    requiredKind: null,
    mustBeSigned: false,
    signingDateOnlyWarns: false,
    evidenceDeadline: '',
    children: [],
  };
}

/** The server's tree as editable nodes. */
export function fromServer(nodes: readonly NodeView[]): EditNode[] {
  return nodes.map((n) => ({
    key: `n${n.id}`,
    id: n.id,
    code: n.code,
    title: n.title,
    maxText: formatPointsCompact(n.maxHundredths),
    ruleText: n.ruleText ?? '',
    notApplicable: n.notApplicable,
    kind: n.kind,
    guidance: n.guidance ?? '',
    evidence: n.evidence ?? '',
    agency: n.agency ?? '',
    source: n.source ?? '',
    toBeConfirmed: n.toBeConfirmed,
    requiredKind: n.evidenceRequirement?.kind ?? null,
    mustBeSigned: n.evidenceRequirement?.mustBeSigned ?? false,
    signingDateOnlyWarns: n.evidenceRequirement?.signingDateDiffers === 'warning',
    evidenceDeadline: n.evidenceRequirement?.deadline ?? '',
    children: fromServer(n.children),
  }));
}

/** The max of a node in hundredths, or null while the text is not a valid number. */
export function maxOf(node: EditNode): number | null {
  const parsed = parseHundredths(node.maxText);
  return parsed.ok ? parsed.value : null;
}

/** The rule of a node: none (empty text), parsed, or the parser's message. */
export type RuleState =
  { state: 'empty' } | { state: 'ok'; rule: ScoringRule } | { state: 'error'; error: string };

/** Parses the rule text of a node. */
export function ruleOf(node: Pick<EditNode, 'ruleText'>): RuleState {
  if (node.ruleText.trim() === '') return { state: 'empty' };
  const parsed = parseRuleText(node.ruleText);
  return parsed.ok ? { state: 'ok', rule: parsed.rule } : { state: 'error', error: parsed.error };
}

/** What a node asks of its evidence, as saved; null when it asks nothing. */
export function requirementOf(n: EditNode): EvidenceRequirementValue | null {
  const value: EvidenceRequirementValue = {
    ...(n.requiredKind ? { kind: n.requiredKind } : {}),
    ...(n.mustBeSigned ? { mustBeSigned: true } : {}),
    ...(n.signingDateOnlyWarns ? { signingDateDiffers: 'warning' as const } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(n.evidenceDeadline) ? { deadline: n.evidenceDeadline } : {}),
  };
  return Object.keys(value).length > 0 ? value : null;
}

/** The nodes in the shape the server saves; call only when `blockingProblems` is empty. */
export function toPayload(nodes: readonly EditNode[]): NodeInput[] {
  const text = (value: string): string | null => (value.trim() === '' ? null : value);
  return nodes.map((n) => ({
    id: n.id,
    code: n.code,
    title: n.title.trim(),
    maxHundredths: maxOf(n) ?? 0,
    ruleText: text(n.ruleText.trim()),
    notApplicable: n.notApplicable,
    kind: n.kind,
    guidance: text(n.guidance),
    evidence: text(n.evidence),
    agency: text(n.agency),
    source: text(n.source),
    toBeConfirmed: n.toBeConfirmed,
    evidenceRequirement: requirementOf(n),
    children: toPayload(n.children),
  }));
}

/**
 * The domain tree for `validateTree`: a root holding the criteria, its max their sum. A max that
 * is not a number becomes NaN so the check reports it; an unreadable rule is left out.
 */
export function toDomainTree(name: string, nodes: readonly EditNode[]): CriteriaNode {
  const convert = (n: EditNode): CriteriaNode => {
    const rule = ruleOf(n);
    return {
      code: n.code,
      title: n.title,
      maxHundredths: maxOf(n) ?? Number.NaN,
      ...(rule.state === 'ok' ? { rule: rule.rule } : {}),
      ...(n.notApplicable ? { notApplicable: n.notApplicable } : {}),
      ...(n.kind ? { kind: n.kind } : {}),
      children: n.children.map(convert),
    };
  };
  const children = nodes.map(convert);
  return { code: '', title: name, maxHundredths: normalSum(nodes, 'normal') ?? 0, children };
}

/**
 * The sum of the maxes of the normal nodes of a list (children of a node of kind `parentKind`);
 * null while one of them is not a number.
 */
export function normalSum(list: readonly EditNode[], parentKind: NodeKind): number | null {
  let sum = 0;
  for (const child of list) {
    if ((child.kind ?? parentKind) !== 'normal') continue;
    const max = maxOf(child);
    if (max === null) return null;
    sum += max;
  }
  return sum;
}

/** Things that stop a save: a max that is not a number, an unreadable rule, a missing title. */
export function blockingProblems(nodes: readonly EditNode[]): number {
  let count = 0;
  walk(nodes, (n) => {
    if (maxOf(n) === null) count += 1;
    if (ruleOf(n).state === 'error') count += 1;
    if (n.title.trim() === '') count += 1;
  });
  return count;
}

/** Visits every node in outline order. */
export function walk(
  nodes: readonly EditNode[],
  visit: (node: EditNode, depth: number) => void,
  depth = 1,
): void {
  for (const n of nodes) {
    visit(n, depth);
    walk(n.children, visit, depth + 1);
  }
}

/** Number of nodes in a tree. */
export function countNodes(nodes: readonly EditNode[]): number {
  let count = 0;
  walk(nodes, () => {
    count += 1;
  });
  return count;
}

/** Codes from the positions: 1, 2, 2.1, 2.2, 2.2.1… */
export function renumber(nodes: readonly EditNode[], prefix = ''): EditNode[] {
  return nodes.map((n, i) => {
    const code = prefix ? `${prefix}.${i + 1}` : String(i + 1);
    return { ...n, code, children: renumber(n.children, code) };
  });
}

/** One row of the rendered outline. */
export interface OutlineRow {
  node: EditNode;
  depth: number;
  /** Effective kind (inherited from the parent when the node has none). */
  kind: NodeKind;
  parentKind: NodeKind;
  index: number;
  siblings: number;
  parentKey: string | null;
}

/** The outline in display order, skipping the children of collapsed nodes. */
export function outline(
  nodes: readonly EditNode[],
  collapsed: ReadonlySet<string> = new Set(),
): OutlineRow[] {
  const rows: OutlineRow[] = [];
  const visit = (
    list: readonly EditNode[],
    depth: number,
    parentKind: NodeKind,
    parentKey: string | null,
  ) => {
    list.forEach((node, index) => {
      const kind = node.kind ?? parentKind;
      rows.push({ node, depth, kind, parentKind, index, siblings: list.length, parentKey });
      if (!collapsed.has(node.key)) visit(node.children, depth + 1, kind, node.key);
    });
  };
  visit(nodes, 1, 'normal', null);
  return rows;
}

interface Location {
  list: EditNode[];
  index: number;
  parent: EditNode | null;
  depth: number;
}

function locate(
  nodes: EditNode[],
  key: string,
  parent: EditNode | null = null,
  depth = 1,
): Location | null {
  for (const [index, n] of nodes.entries()) {
    if (n.key === key) return { list: nodes, index, parent, depth };
    const found = locate(n.children, key, n, depth + 1);
    if (found) return found;
  }
  return null;
}

function height(node: EditNode): number {
  return 1 + Math.max(0, ...node.children.map(height));
}

// Edits work on a deep copy, so React sees new objects all the way down.
function clone(nodes: readonly EditNode[]): EditNode[] {
  return nodes.map((n) => ({ ...n, children: clone(n.children) }));
}

type Edit = (tree: EditNode[]) => boolean;

function apply(nodes: readonly EditNode[], edit: Edit): EditNode[] {
  const tree = clone(nodes);
  return edit(tree) ? renumber(tree) : (nodes as EditNode[]);
}

/** Changes the fields of one node (no renumbering: the structure is the same). */
export function updateNode(nodes: readonly EditNode[], key: string, patch: NodePatch): EditNode[] {
  return nodes.map((n) =>
    n.key === key
      ? { ...n, ...patch }
      : n.children.length > 0
        ? { ...n, children: updateNode(n.children, key, patch) }
        : n,
  );
}

/** Adds a criterion at the end of the top level. */
export function addTopLevel(nodes: readonly EditNode[], node: EditNode): EditNode[] {
  return apply(nodes, (tree) => {
    tree.push(node);
    return true;
  });
}

/**
 * Adds a child at the end of a node's children. A leaf that gets its first child hands its rule
 * to it: the rule was how that part was scored, and a parent's own rule is not used.
 */
export function addChild(nodes: readonly EditNode[], key: string, node: EditNode): EditNode[] {
  return apply(nodes, (tree) => {
    const at = locate(tree, key);
    const parent = at?.list[at.index];
    if (!at || !parent || at.depth >= MAX_DEPTH) return false;
    if (parent.children.length === 0 && parent.ruleText.trim() !== '') {
      node.ruleText = parent.ruleText;
      parent.ruleText = '';
    }
    parent.children.push(node);
    return true;
  });
}

/** Adds a node right after another, at the same level. */
export function addSibling(nodes: readonly EditNode[], key: string, node: EditNode): EditNode[] {
  return apply(nodes, (tree) => {
    const at = locate(tree, key);
    if (!at) return false;
    at.list.splice(at.index + 1, 0, node);
    return true;
  });
}

/** Removes a node with its children. */
export function removeNode(nodes: readonly EditNode[], key: string): EditNode[] {
  return apply(nodes, (tree) => {
    const at = locate(tree, key);
    if (!at) return false;
    at.list.splice(at.index, 1);
    return true;
  });
}

/** Moves a node one place up or down among its siblings. */
export function moveNode(nodes: readonly EditNode[], key: string, delta: -1 | 1): EditNode[] {
  return apply(nodes, (tree) => {
    const at = locate(tree, key);
    if (!at) return false;
    const target = at.index + delta;
    if (target < 0 || target >= at.list.length) return false;
    const [moved] = at.list.splice(at.index, 1);
    if (!moved) return false;
    at.list.splice(target, 0, moved);
    return true;
  });
}

/** Makes a node the last child of the sibling above it. */
export function indentNode(nodes: readonly EditNode[], key: string): EditNode[] {
  return apply(nodes, (tree) => {
    const at = locate(tree, key);
    const previous = at ? at.list[at.index - 1] : undefined;
    const node = at ? at.list[at.index] : undefined;
    if (!at || !previous || !node || at.depth + height(node) > MAX_DEPTH) return false;
    at.list.splice(at.index, 1);
    previous.children.push(node);
    return true;
  });
}

/** Moves a node out of its parent, right after it. */
export function outdentNode(nodes: readonly EditNode[], key: string): EditNode[] {
  return apply(nodes, (tree) => {
    const at = locate(tree, key);
    if (!at || !at.parent) return false;
    const outer = locate(tree, at.parent.key);
    const [node] = at.list.splice(at.index, 1);
    if (!outer || !node) return false;
    outer.list.splice(outer.index + 1, 0, node);
    return true;
  });
}

/** Which structural edits make sense for a node now. */
export function possibleMoves(nodes: readonly EditNode[], key: string) {
  const at = locate(nodes as EditNode[], key);
  const node = at?.list[at.index];
  if (!at || !node) {
    return { up: false, down: false, indent: false, outdent: false, addChild: false };
  }
  return {
    up: at.index > 0,
    down: at.index < at.list.length - 1,
    indent: at.index > 0 && at.depth + height(node) <= MAX_DEPTH,
    outdent: at.parent !== null,
    addChild: at.depth < MAX_DEPTH,
  };
}

/** Finds a node by key. */
export function findNode(nodes: readonly EditNode[], key: string): EditNode | null {
  const at = locate(nodes as EditNode[], key);
  return at?.list[at.index] ?? null;
}
