/**
 * The criteria tree (bộ chỉ số: tiêu chí → tiêu chí thành phần → …), its validation, and the roll-up
 * of entered scores into per-node scores and an effective max.
 *
 * Roll-up semantics (to confirm with the product owner where marked):
 * - A normal parent scores the sum of its normal children, capped to [0, its effective max].
 * - "Not applicable" with policy 'exclude' removes the node from both score and max, so the
 *   parent's effective max shrinks by that node's max; with 'zero' the node scores 0 of its max.
 *   A node without a policy cannot be N/A: an 'na' entry for it is reported and scored 0.
 * - Bonus and penalty nodes (kind, inherited by their subtree) do not count in any max. Each is
 *   capped at its own max; their points travel up separately (`bonus`, `penalty`), and a node's
 *   `total` = score + bonus − penalty, never below 0. At the root the total is also capped at the
 *   max unless `capTotalAtMax: false` (to confirm: may bonus points lift an index above 100 %?).
 * - A score entered for an inner node (e.g. a published per-criterion result) replaces the roll-up
 *   of its children.
 *
 * The same engine runs over a compiled form (flat typed arrays in pre-order), which is what makes a
 * national recompute of thousands of units fast; `rollUp` compiles once per tree and caches it.
 */
import type { NodeEvidenceRequirement } from '../documents/findings.ts';
import { formatPoints } from './decimal.ts';
import { validateRule, type NotApplicablePolicy, type ScoringRule } from './rules.ts';

/** Whether a node counts in the max (normal) or adds/subtracts outside it (bonus, penalty). */
export type NodeKind = 'normal' | 'bonus' | 'penalty';

/** One node of a criteria set; the root is the set itself (its code may be empty). */
export interface CriteriaNode {
  code: string;
  title: string;
  /** Max points in hundredths (1,5 → 150). For bonus/penalty nodes: the cap. */
  maxHundredths: number;
  /** How the node is scored; required on leaves, ignored on parents. */
  rule?: ScoringRule;
  /** How N/A counts for this node; overrides the rule's own setting. */
  notApplicable?: NotApplicablePolicy;
  /** Default: the parent's kind, and 'normal' at the root. */
  kind?: NodeKind;
  /** How to score it (hướng dẫn chấm). */
  guidance?: string;
  /** Evidence expected (tài liệu kiểm chứng). */
  evidence?: string;
  /** What the evidence's automatic checks expect: type of document, signed, issued by a date. */
  evidenceRequirement?: NodeEvidenceRequirement;
  /** The agency that appraises it (cơ quan thẩm định). */
  agency?: string;
  /** Where the node comes from, e.g. the document that names it. */
  source?: string;
  /** Max, title or rule not confirmed against the issuing decision. */
  toBeConfirmed?: boolean;
  children: CriteriaNode[];
}

/** A problem located at a node (code "" is the set itself). */
export interface TreeProblem {
  code: string;
  message: string;
}

/** Writes a problem for display: "Tiêu chí 2.3: …", "Bộ tiêu chí: …". */
export function describeProblem(problem: TreeProblem): string {
  return `${problem.code === '' ? 'Bộ tiêu chí' : `Tiêu chí ${problem.code}`}: ${problem.message}`;
}

/** The N/A policy that applies to a node: its own, else its rule's, else none (N/A not allowed). */
export function effectiveNotApplicable(node: CriteriaNode): NotApplicablePolicy | undefined {
  return node.notApplicable ?? node.rule?.notApplicable;
}

const KIND_LABEL: Record<NodeKind, string> = {
  normal: 'thường',
  bonus: 'điểm thưởng',
  penalty: 'điểm trừ',
};

/**
 * Checks a criteria tree and returns located Vietnamese problems: children not adding up to the
 * parent's max, duplicate codes, codes outside the parent's prefix (2.3 under 2), leaves without a
 * rule, and each rule's own problems.
 */
export function validateTree(tree: CriteriaNode): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const seen = new Set<string>();
  const add = (code: string, message: string): void => {
    problems.push({ code, message });
  };
  if (tree.kind !== undefined && tree.kind !== 'normal')
    add(tree.code, 'Gốc của bộ tiêu chí phải là loại thường');

  const visit = (node: CriteriaNode, parent: CriteriaNode | null, parentKind: NodeKind): void => {
    const code = node.code;
    const kind = node.kind ?? parentKind;
    if (parent) {
      if (code.trim() === '') add(code, `Thiếu mã tiêu chí (dưới ${parent.code || 'gốc'})`);
      else if (/\s/.test(code)) add(code, `Mã “${code}” có khoảng trắng`);
      else if (parent.code === '' || parent === tree) {
        if (code.includes('.')) add(code, `Mã “${code}” ở cấp tiêu chí không được có dấu chấm`);
      } else {
        const prefix = `${parent.code}.`;
        if (
          !code.startsWith(prefix) ||
          code.length === prefix.length ||
          code.slice(prefix.length).includes('.')
        ) {
          add(
            code,
            `Mã “${code}” không nằm dưới tiêu chí ${parent.code} (phải có dạng ${prefix}…)`,
          );
        }
      }
      if (seen.has(code)) add(code, `Mã “${code}” bị trùng`);
      seen.add(code);
      if (node.title.trim() === '') add(code, 'Thiếu tên tiêu chí');
      if (parentKind !== 'normal' && node.kind !== undefined && node.kind !== parentKind) {
        add(
          code,
          `Tiêu chí con của nội dung ${KIND_LABEL[parentKind]} không được là loại ${KIND_LABEL[node.kind]}`,
        );
      }
    }
    if (!Number.isSafeInteger(node.maxHundredths) || node.maxHundredths < 0) {
      add(code, 'Điểm tối đa phải là số không âm, tối đa hai chữ số thập phân');
    }
    if (
      node.notApplicable !== undefined &&
      node.rule?.notApplicable !== undefined &&
      node.notApplicable !== node.rule.notApplicable
    ) {
      add(code, 'Cách tính “không áp dụng” của tiêu chí khác với của quy tắc chấm');
    }

    if (node.children.length === 0) {
      if (parent === null) {
        add(code, 'Bộ tiêu chí chưa có tiêu chí nào');
      } else if (!node.rule) {
        add(code, 'Tiêu chí chưa có quy tắc chấm điểm');
      } else {
        for (const message of validateRule(node.rule, node.maxHundredths)) add(code, message);
        if (node.rule.type === 'bonus' && kind !== 'bonus') {
          add(code, 'Quy tắc “thưởng” chỉ dùng cho tiêu chí điểm thưởng');
        }
        if (node.rule.type === 'penalty' && kind !== 'penalty') {
          add(code, 'Quy tắc “phạt” chỉ dùng cho tiêu chí điểm trừ');
        }
      }
      return;
    }

    if (node.rule)
      add(code, 'Tiêu chí có tiêu chí con nên quy tắc chấm riêng của nó không được dùng');
    if (kind === 'normal') {
      let sum = 0;
      for (const child of node.children) {
        if ((child.kind ?? kind) === 'normal' && Number.isSafeInteger(child.maxHundredths))
          sum += child.maxHundredths;
      }
      if (sum !== node.maxHundredths) {
        add(
          code,
          `Tổng điểm tối đa các tiêu chí con (${formatPoints(sum)}) khác điểm tối đa của tiêu chí (${formatPoints(node.maxHundredths)})`,
        );
      }
    } else {
      for (const child of node.children) {
        if (child.maxHundredths > node.maxHundredths) {
          add(
            child.code,
            `Mức tối đa (${formatPoints(child.maxHundredths)}) vượt mức tối đa của nội dung ${node.code} (${formatPoints(node.maxHundredths)})`,
          );
        }
      }
    }
    for (const child of node.children) visit(child, node, kind);
  };
  visit(tree, null, 'normal');
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Compiled form

const KIND_CODE: Record<NodeKind, number> = { normal: 0, bonus: 1, penalty: 2 };
const NA_CODE: Record<NotApplicablePolicy, number> = { exclude: 1, zero: 2 };

/** Entry for a node that was not entered: leaves count as missing, parents roll up. */
export const NOT_ENTERED = -2;
/** Entry for a node marked not applicable. */
export const NOT_APPLICABLE = -1;

/** A criteria tree flattened in pre-order (a parent comes before its children). */
export interface CompiledTree {
  readonly size: number;
  readonly nodes: readonly CriteriaNode[];
  readonly codes: readonly string[];
  readonly indexByCode: ReadonlyMap<string, number>;
  /** Parent index, -1 for the root (index 0). */
  readonly parent: Int32Array;
  readonly max: Int32Array;
  /** Effective kind: 0 normal, 1 bonus, 2 penalty. */
  readonly kind: Uint8Array;
  /** Effective N/A policy: 0 none, 1 exclude, 2 zero. */
  readonly naPolicy: Uint8Array;
  readonly isLeaf: Uint8Array;
  /** Indices of the leaves, in pre-order. */
  readonly leaves: Int32Array;
  /** Indices of the root's children (the criteria), in order. */
  readonly topLevel: Int32Array;
}

/** Flattens a tree once so roll-ups run over typed arrays. */
export function compileTree(tree: CriteriaNode): CompiledTree {
  const nodes: CriteriaNode[] = [];
  const parents: number[] = [];
  const kinds: number[] = [];
  const walk = (node: CriteriaNode, parent: number, parentKind: NodeKind): void => {
    const index = nodes.length;
    const kind = parent < 0 ? 'normal' : (node.kind ?? parentKind);
    nodes.push(node);
    parents.push(parent);
    kinds.push(KIND_CODE[kind]);
    for (const child of node.children) walk(child, index, kind);
  };
  walk(tree, -1, 'normal');
  const size = nodes.length;
  const indexByCode = new Map<string, number>();
  const max = new Int32Array(size);
  const naPolicy = new Uint8Array(size);
  const isLeaf = new Uint8Array(size);
  const leaves: number[] = [];
  const topLevel: number[] = [];
  nodes.forEach((node, i) => {
    if (!indexByCode.has(node.code)) indexByCode.set(node.code, i);
    max[i] = node.maxHundredths;
    const policy = effectiveNotApplicable(node);
    naPolicy[i] = policy ? NA_CODE[policy] : 0;
    if (node.children.length === 0 && i > 0) {
      isLeaf[i] = 1;
      leaves.push(i);
    }
    if (parents[i] === 0) topLevel.push(i);
  });
  return {
    size,
    nodes,
    codes: nodes.map((n) => n.code),
    indexByCode,
    parent: Int32Array.from(parents),
    max,
    kind: Uint8Array.from(kinds),
    naPolicy,
    isLeaf,
    leaves: Int32Array.from(leaves),
    topLevel: Int32Array.from(topLevel),
  };
}

/** Per-node results of a compiled roll-up; reusable across units to avoid allocation. */
export interface RollUpBuffers {
  /** Normal points (bonus/penalty nodes: their capped magnitude). */
  readonly score: Int32Array;
  /** Max after N/A exclusions. */
  readonly effectiveMax: Int32Array;
  readonly bonus: Int32Array;
  readonly penalty: Int32Array;
  /** score + bonus − penalty, at least 0 (the root also capped at its max by default). */
  readonly total: Int32Array;
  /** 1 when the node is N/A, or all its normal children are excluded. */
  readonly notApplicable: Uint8Array;
  /** Internal accumulators. */
  readonly childScore: Float64Array;
  readonly removedMax: Float64Array;
}

/** Allocates result buffers for a compiled tree. */
export function createRollUpBuffers(compiled: CompiledTree): RollUpBuffers {
  const n = compiled.size;
  return {
    score: new Int32Array(n),
    effectiveMax: new Int32Array(n),
    bonus: new Int32Array(n),
    penalty: new Int32Array(n),
    total: new Int32Array(n),
    notApplicable: new Uint8Array(n),
    childScore: new Float64Array(n),
    removedMax: new Float64Array(n),
  };
}

/**
 * Rolls up entered values over a compiled tree into `out`. `entries[i]` is a score in hundredths,
 * NOT_APPLICABLE, or NOT_ENTERED; an entry on an inner node replaces its children's roll-up.
 * Entries are clamped to [0, max]. Returns the root total.
 */
export function rollUpCompiled(
  compiled: CompiledTree,
  entries: Int32Array,
  out: RollUpBuffers,
  capTotalAtMax = true,
): number {
  const { size, parent, max, kind, naPolicy, isLeaf } = compiled;
  const { score, effectiveMax, bonus, penalty, total, notApplicable, childScore, removedMax } = out;
  childScore.fill(0);
  removedMax.fill(0);
  bonus.fill(0);
  penalty.fill(0);
  // Children follow their parent in pre-order, so walking backwards visits children first.
  for (let i = size - 1; i >= 0; i--) {
    const m = max[i] ?? 0;
    const k = kind[i] ?? 0;
    const entry = entries[i] ?? NOT_ENTERED;
    let s = 0;
    let em = m;
    let na = 0;
    if (entry !== NOT_ENTERED || isLeaf[i] === 1) {
      if (entry === NOT_APPLICABLE) {
        na = 1;
        if (naPolicy[i] === 1) em = 0;
      } else if (entry > 0) {
        s = entry > m ? m : entry;
      }
      // An entered inner node hides whatever its children accumulated.
      if (k === 0) {
        bonus[i] = 0;
        penalty[i] = 0;
      }
    } else if (k === 0) {
      const removed = removedMax[i] ?? 0;
      em = m - removed > 0 ? m - removed : 0;
      const sum = childScore[i] ?? 0;
      s = sum < 0 ? 0 : sum > em ? em : sum;
      if (em === 0 && removed > 0) na = 1;
    } else {
      const sum = childScore[i] ?? 0;
      s = sum > m ? m : sum;
    }
    if (k === 1) bonus[i] = s;
    else if (k === 2) penalty[i] = s;
    score[i] = s;
    effectiveMax[i] = em;
    notApplicable[i] = na;
    const t = s + (k === 0 ? (bonus[i] ?? 0) - (penalty[i] ?? 0) : 0);
    total[i] = k === 0 ? (t > 0 ? t : 0) : s;
    const p = parent[i] ?? -1;
    if (p >= 0) {
      const pk = kind[p] ?? 0;
      if (pk === 0) {
        if (k === 0) {
          childScore[p] = (childScore[p] ?? 0) + s;
          removedMax[p] = (removedMax[p] ?? 0) + (m - em);
        }
        bonus[p] = (bonus[p] ?? 0) + (bonus[i] ?? 0);
        penalty[p] = (penalty[p] ?? 0) + (penalty[i] ?? 0);
      } else {
        childScore[p] = (childScore[p] ?? 0) + s;
      }
    }
  }
  if (capTotalAtMax && size > 0) {
    const rootTotal = total[0] ?? 0;
    const rootMax = effectiveMax[0] ?? 0;
    if (rootTotal > rootMax) total[0] = rootMax;
  }
  return total[0] ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Roll-up by code

/** An entered score in hundredths, or 'na' for not applicable. */
export type EnteredScore = number | 'na';

/** The roll-up of one node. */
export interface NodeScore {
  code: string;
  /** Normal points within [0, max]; for bonus/penalty nodes the capped magnitude. */
  score: number;
  /** Effective max: the node's max minus excluded N/A parts (0 when excluded). */
  max: number;
  /** Bonus and penalty points from this node's subtree (outside the max). */
  bonus: number;
  penalty: number;
  /**
   * score + bonus − penalty, at least 0; the root is also capped at its max by default. For a
   * bonus or penalty node it is its capped magnitude, the same as `score`.
   */
  total: number;
  notApplicable: boolean;
  /** The score was entered for this node rather than rolled up. */
  entered: boolean;
}

/** The roll-up of a whole tree. */
export interface RollUpResult {
  /** Root total and effective max, ready for computeIndex. */
  total: number;
  max: number;
  /** Every node that counts (descendants of an entered inner node are left out). */
  nodes: Map<string, NodeScore>;
  /** Leaves with no entry, scored 0. */
  missing: string[];
  problems: TreeProblem[];
}

const compiledCache = new WeakMap<CriteriaNode, CompiledTree>();

/** Compiles a tree once and reuses it while the same tree object is passed in. */
export function compiledTreeOf(tree: CriteriaNode): CompiledTree {
  let compiled = compiledCache.get(tree);
  if (!compiled) {
    compiled = compileTree(tree);
    compiledCache.set(tree, compiled);
  }
  return compiled;
}

/**
 * Rolls entered scores up the tree: per-node score and effective max, bonus and penalty outside
 * the max, missing leaves and problems (unknown codes, scores above max, N/A where not allowed).
 */
export function rollUp(
  tree: CriteriaNode,
  scores: ReadonlyMap<string, EnteredScore>,
  options: { capTotalAtMax?: boolean } = {},
): RollUpResult {
  const compiled = compiledTreeOf(tree);
  const entries = new Int32Array(compiled.size).fill(NOT_ENTERED);
  const problems: TreeProblem[] = [];
  for (const [code, value] of scores) {
    const i = compiled.indexByCode.get(code);
    if (i === undefined) {
      problems.push({ code, message: `Mã “${code}” không có trong bộ tiêu chí` });
      continue;
    }
    const max = compiled.max[i] ?? 0;
    if (value === 'na') {
      if (compiled.naPolicy[i] === 0) {
        problems.push({
          code,
          message: 'Tiêu chí này không được đánh giá là “không áp dụng”; tính 0 điểm',
        });
      }
      entries[i] = NOT_APPLICABLE;
    } else if (!Number.isSafeInteger(value) || value < 0) {
      problems.push({ code, message: 'Điểm nhập không hợp lệ; tính 0 điểm' });
      entries[i] = 0;
    } else {
      if (value > max) {
        problems.push({
          code,
          message: `Điểm nhập ${formatPoints(value)} vượt điểm tối đa ${formatPoints(max)}; tính ${formatPoints(max)}`,
        });
      }
      entries[i] = value;
    }
  }
  const out = createRollUpBuffers(compiled);
  rollUpCompiled(compiled, entries, out, options.capTotalAtMax ?? true);

  const nodes = new Map<string, NodeScore>();
  const missing: string[] = [];
  // Skip the subtree under an entered node: its own entry is what counts.
  const hidden = new Uint8Array(compiled.size);
  for (let i = 0; i < compiled.size; i++) {
    const p = compiled.parent[i] ?? -1;
    if (p >= 0 && (hidden[p] === 1 || (entries[p] ?? NOT_ENTERED) !== NOT_ENTERED)) {
      hidden[i] = 1;
      if ((entries[i] ?? NOT_ENTERED) !== NOT_ENTERED) {
        problems.push({
          code: compiled.codes[i] ?? '',
          message: 'Đã nhập điểm cho tiêu chí cấp trên nên điểm nhập ở đây không được tính',
        });
      }
      continue;
    }
    const entered = (entries[i] ?? NOT_ENTERED) !== NOT_ENTERED;
    const code = compiled.codes[i] ?? '';
    if (compiled.isLeaf[i] === 1 && !entered) missing.push(code);
    nodes.set(code, {
      code,
      score: out.score[i] ?? 0,
      max: out.effectiveMax[i] ?? 0,
      bonus: out.bonus[i] ?? 0,
      penalty: out.penalty[i] ?? 0,
      total: out.total[i] ?? 0,
      notApplicable: out.notApplicable[i] === 1,
      entered,
    });
  }
  return { total: out.total[0] ?? 0, max: out.effectiveMax[0] ?? 0, nodes, missing, problems };
}
