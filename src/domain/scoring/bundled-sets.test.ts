import { describe, expect, it } from 'vitest';
import { formatPoints } from './decimal.ts';
import {
  BUNDLED_CRITERIA_SETS,
  PAR_2025_COMMUNE_TEMPLATE,
  PAR_2025_DEPARTMENT_TEMPLATE,
  THAI_NGUYEN_COMMUNE_2022,
} from './bundled-sets.ts';
import { formatRuleText, parseRuleText } from './rule-text.ts';
import { describeProblem, rollUp, validateTree, type CriteriaNode } from './tree.ts';

function all(node: CriteriaNode): CriteriaNode[] {
  return [node, ...node.children.flatMap(all)];
}

describe('bundled criteria sets', () => {
  it.each(BUNDLED_CRITERIA_SETS.map((s) => [s.id, s] as const))(
    '%s passes validation',
    (_id, set) => {
      expect(validateTree(set.tree).map(describeProblem)).toEqual([]);
    },
  );

  it('Thái Nguyên communes: eight criteria worth 10, 7, 20, 20, 10, 5, 12, 16', () => {
    const criteria = THAI_NGUYEN_COMMUNE_2022.tree.children;
    expect(criteria.map((c) => `${c.code} ${c.title}: ${formatPoints(c.maxHundredths)}`)).toEqual([
      '1 Công tác lãnh đạo, chỉ đạo: 10,00',
      '2 Xây dựng và tổ chức thực thi pháp luật: 7,00',
      '3 Cải cách thủ tục hành chính: 20,00',
      '4 Hoạt động của Chính quyền cơ sở: 20,00',
      '5 Cải cách chế độ công vụ: 10,00',
      '6 Cải cách tài chính công: 5,00',
      '7 Xây dựng chính quyền điện tử, chính quyền số: 12,00',
      '8 Thực hiện nhiệm vụ phát triển kinh tế xã hội ở địa phương: 16,00',
    ]);
    expect(criteria.every((c) => c.toBeConfirmed === false)).toBe(true);
  });

  it('keeps the sub-criteria the documents state, with their max', () => {
    const nodes = new Map(all(THAI_NGUYEN_COMMUNE_2022.tree).map((n) => [n.code, n]));
    expect(nodes.get('2.2')).toMatchObject({
      title: 'Rà soát và xử lý văn bản sau rà soát',
      maxHundredths: 150,
      toBeConfirmed: false,
    });
    expect(nodes.get('2.3')).toMatchObject({ maxHundredths: 200, toBeConfirmed: false });
    expect(nodes.get('7.2')).toMatchObject({
      title: 'Xây dựng Chương trình, kế hoạch chuyển đổi số',
      maxHundredths: 150,
    });
    expect(nodes.get('5.2')?.rule).toEqual({ type: 'proportional' });
    expect(nodes.get('2.6')?.rule?.type).toBe('bands');
    expect(nodes.get('1.1.1')?.rule?.type).toBe('timeliness');
    // Everything else is a placeholder someone must confirm.
    const unconfirmed = all(THAI_NGUYEN_COMMUNE_2022.tree).filter(
      (n) => n.code.includes('.') && n.toBeConfirmed !== true,
    );
    expect(unconfirmed.map((n) => n.code)).toEqual(['2.2', '2.3', '7.2']);
  });

  it('writes every bundled rule in the text syntax and reads it back', () => {
    for (const set of BUNDLED_CRITERIA_SETS) {
      for (const node of all(set.tree)) {
        if (node.rule)
          expect(parseRuleText(formatRuleText(node.rule))).toEqual({ ok: true, rule: node.rule });
      }
    }
  });

  it('2025 templates: eight areas plus bonus and penalty points outside the max', () => {
    for (const set of [PAR_2025_COMMUNE_TEMPLATE, PAR_2025_DEPARTMENT_TEMPLATE]) {
      expect(set.tree.children.map((c) => c.code)).toEqual([
        '1',
        '2',
        '3',
        '4',
        '5',
        '6',
        '7',
        '8',
        '9',
      ]);
      expect(set.tree.toBeConfirmed).toBe(true);
      expect(set.surveyMaxHundredths).toBe(3000);
      const result = rollUp(
        set.tree,
        new Map([
          ['1', 700],
          ['9.1', 150],
          ['9.2', 50],
        ]),
      );
      expect(result.max).toBe(7000);
      expect(result.nodes.get('9')).toMatchObject({ score: 0, max: 0, bonus: 150, penalty: 50 });
      expect(result.total).toBe(800);
    }
  });
});
