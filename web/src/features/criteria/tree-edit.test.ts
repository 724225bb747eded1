/** The editor's tree edits: codes follow the outline, a leaf's rule moves to its first child. */
import { describe, expect, it } from 'vitest';
import { validateTree } from '@domain/scoring/tree.ts';
import {
  addChild,
  addSibling,
  indentNode,
  moveNode,
  newNode,
  normalSum,
  outdentNode,
  removeNode,
  toDomainTree,
  toPayload,
  updateNode,
  type EditNode,
} from './tree-edit.ts';

function node(title: string, maxText: string, ruleText = '', children: EditNode[] = []): EditNode {
  return { ...newNode(), title, maxText, ruleText, children };
}

const codes = (nodes: readonly EditNode[]): string[] =>
  nodes.flatMap((n) => [`${n.code} ${n.title}`, ...codes(n.children)]);

describe('criteria tree edits', () => {
  const start = () => [node('A', '7', 'chấm điểm'), node('B', '3', 'có/không')];

  it('hands a leaf’s rule to its first child and renumbers', () => {
    const initial = start();
    const tree = addChild(initial, initial[0]?.key ?? '', node('A1', '0'));
    expect(codes(tree)).toEqual(['1 A', '1.1 A1', '2 B']);
    expect(tree[0]?.ruleText).toBe('');
    expect(tree[0]?.children[0]?.ruleText).toBe('chấm điểm');
  });

  it('indents, outdents, moves and deletes with codes following the positions', () => {
    let tree = start();
    const b = tree[1]?.key ?? '';
    tree = indentNode(tree, b);
    expect(codes(tree)).toEqual(['1 A', '1.1 B']);
    tree = outdentNode(tree, b);
    expect(codes(tree)).toEqual(['1 A', '2 B']);
    tree = moveNode(tree, b, -1);
    expect(codes(tree)).toEqual(['1 B', '2 A']);
    const c = newNode();
    tree = addSibling(tree, b, { ...c, title: 'C' });
    expect(codes(tree)).toEqual(['1 B', '2 C', '3 A']);
    tree = removeNode(tree, c.key);
    expect(codes(tree)).toEqual(['1 B', '2 A']);
  });

  it('feeds the live checks: a parent whose children do not add up is reported', () => {
    let tree = start();
    const a = tree[0]?.key ?? '';
    const child = newNode();
    tree = addChild(tree, a, child);
    tree = updateNode(tree, child.key, { title: 'A1', maxText: '6,5' });
    expect(normalSum(tree[0]?.children ?? [], 'normal')).toBe(650);
    const problems = validateTree(toDomainTree('Bộ thử', tree));
    expect(problems).toContainEqual({
      code: '1',
      message: 'Tổng điểm tối đa các tiêu chí con (6,50) khác điểm tối đa của tiêu chí (7,00)',
    });
    tree = updateNode(tree, child.key, { maxText: '7' });
    expect(validateTree(toDomainTree('Bộ thử', tree))).toEqual([]);
    expect(toPayload(tree)[0]?.children[0]).toMatchObject({
      code: '1.1',
      maxHundredths: 700,
      ruleText: 'chấm điểm',
    });
  });
});
