import { describe, expect, it } from 'vitest';
import { evidenceFindings } from '../documents/findings.ts';
import { OFFICIAL_DOCUMENT_KINDS, readOfficialDocument } from '../documents/official-document.ts';
import { formatPoints } from './decimal.ts';
import {
  BUNDLED_CRITERIA_SETS,
  PAR_2025_COMMUNE_TEMPLATE,
  PAR_2025_DEPARTMENT_TEMPLATE,
  PAR_2026_COMMUNE_SET,
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

  describe('2026 commune set', () => {
    const set = PAR_2026_COMMUNE_SET;
    const nodes = all(set.tree).slice(1);
    const leaves = nodes.filter((n) => n.children.length === 0);
    const byCode = new Map(nodes.map((n) => [n.code, n]));

    it('keeps the 2025 areas and their placeholder maxima, 70 appraised + 30 survey', () => {
      const areas = PAR_2025_COMMUNE_TEMPLATE.tree.children;
      expect(set.tree.children.map((c) => [c.code, c.title, c.maxHundredths])).toEqual(
        areas.map((c) => [c.code, c.title, c.maxHundredths]),
      );
      expect(set.tree.maxHundredths).toBe(7000);
      expect(set.surveyMaxHundredths).toBe(3000);
      expect(set.year).toBe(2026);
      expect(set.unitKind).toBe('commune');
    });

    it('has sub-criteria in every area, each leaf with a rule, guidance and the evidence expected', () => {
      for (const area of set.tree.children) expect(area.children.length).toBeGreaterThan(1);
      for (const n of leaves) {
        expect(n.rule, n.code).toBeDefined();
        expect(n.guidance, n.code).toBeTruthy();
        expect(n.evidence, n.code).toBeTruthy();
      }
      // Every rule type of the grammar but "bonus"/"penalty" outside content 9 is used somewhere.
      const types = new Set(leaves.map((n) => n.rule?.type));
      for (const t of ['judgement', 'yes_no', 'bands', 'proportional', 'deduction', 'timeliness'])
        expect(types.has(t as never), t).toBe(true);
    });

    it('marks every node as a placeholder to confirm, and says so in each guidance', () => {
      expect(nodes.filter((n) => n.toBeConfirmed !== true).map((n) => n.code)).toEqual([]);
      for (const n of leaves) expect(n.guidance, n.code).toContain('giá trị giữ chỗ');
    });

    it('asks for documents of a known type, signed, issued by a day of 2026', () => {
      const required = leaves.filter((n) => n.evidenceRequirement);
      expect(required.length).toBeGreaterThan(leaves.length / 2);
      for (const n of required) {
        const r = n.evidenceRequirement!;
        expect(
          Object.keys(r).every((k) =>
            ['kind', 'mustBeSigned', 'deadline', 'signingDateDiffers'].includes(k),
          ),
          n.code,
        ).toBe(true);
        if (r.kind) expect(OFFICIAL_DOCUMENT_KINDS, n.code).toContain(r.kind);
        if (r.deadline) expect(r.deadline, n.code).toMatch(/^2026-(0[1-9]|1[0-2])-\d{2}$/);
      }
      expect(byCode.get('1.1.1')?.evidenceRequirement).toEqual({
        kind: 'plan',
        mustBeSigned: true,
        deadline: '2026-01-31',
        signingDateDiffers: 'problem',
      });
      // The timeliness rule and the evidence deadline of the annual plan say the same day.
      expect(byCode.get('1.1.1')?.rule).toMatchObject({
        type: 'timeliness',
        deadline: '2026-01-31',
      });
    });

    it('gives the evidence checks what they need to find an unsigned, late report of the wrong type', () => {
      // A report dated 10/02/2026, attached to 1.1.1, which asks for the plan signed by 31/01/2026.
      const report = readOfficialDocument(
        [
          'UỶ BAN NHÂN DÂN XÃ KIM PHƯỢNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
          'Số: 12/BC-UBND\tKim Phượng, ngày 10 tháng 02 năm 2026',
          'BÁO CÁO',
          'Kết quả cải cách hành chính tháng 01 năm 2026',
        ].join('\n'),
      );
      const requirement = { ...byCode.get('1.1.1')!.evidenceRequirement!, year: 2026 };
      expect(evidenceFindings(report, [], requirement).map((f) => f.message)).toEqual([
        'Tài liệu chưa có chữ ký số; tiêu chí này yêu cầu văn bản đã ký.',
        'Văn bản ban hành ngày 10/02/2026, sau thời hạn 31/01/2026.',
        'Văn bản là báo cáo, trong khi tiêu chí yêu cầu kế hoạch.',
      ]);
    });

    it('scores 70 with every leaf at its max, bonus and penalty outside it', () => {
      const scores = new Map(
        leaves
          .filter((n) => (n.kind ?? 'normal') === 'normal')
          .map((n) => [n.code, n.maxHundredths]),
      );
      scores.set('9.1', 100);
      scores.set('9.2', 50);
      const result = rollUp(set.tree, scores);
      expect(result.max).toBe(7000);
      expect(result.nodes.get('3')).toMatchObject({ score: 1200, max: 1200 });
      expect(result.nodes.get('9')).toMatchObject({ score: 0, max: 0, bonus: 100, penalty: 50 });
      // 70 + 1 − 0,5 capped at the max.
      expect(result.total).toBe(7000);
    });
  });
});
