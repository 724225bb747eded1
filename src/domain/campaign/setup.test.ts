/** Campaign set-up checks, appraiser assignments and deadline instants. */
import { describe, expect, it } from 'vitest';
import {
  campaignBandsFrom,
  codeIsWithin,
  deadlineEnd,
  isAssigned,
  isPastDeadline,
  unacceptedLeaves,
  unappraisedLeaves,
  validateCampaign,
} from './setup.ts';
import type { CriteriaNode } from '../scoring/tree.ts';
import { CAMPAIGN, COMMUNE_SET, KIM_PHUONG } from './test-factories.ts';

describe('campaign set-up', () => {
  it('accepts the test campaign', () => {
    expect(validateCampaign(CAMPAIGN)).toEqual([]);
  });

  it('locates each problem', () => {
    const problems = validateCampaign({
      ...CAMPAIGN,
      name: ' ',
      units: [
        KIM_PHUONG,
        KIM_PHUONG,
        { ...KIM_PHUONG, id: 'so', name: 'Sở Nội vụ', kind: 'department' },
      ],
      deadlines: { ...CAMPAIGN.deadlines, round1: '2023-01-10', round2: '2023-02-30' },
      surveySource: 'sipas',
      assignments: [{ userId: 31, nodeCodes: ['2.9'] }],
    });
    expect(problems.map((p) => p.field)).toEqual([
      'name',
      'criteriaSets[0].surveyMaxHundredths',
      'units[1]',
      'units[2]',
      'deadlines.round1',
      'deadlines.round2',
      'assignments[0]',
    ]);
    expect(problems.find((p) => p.field === 'deadlines.round1')?.message).toBe(
      'Hạn thẩm định vòng 1 phải sau hạn tự đánh giá, chấm điểm',
    );
  });
});

describe('assignments', () => {
  it('covers a code’s whole subtree, for the given unit kinds', () => {
    expect(codeIsWithin('2.3.1', '2')).toBe(true);
    expect(codeIsWithin('20.1', '2')).toBe(false);
    expect(codeIsWithin('7', '')).toBe(true);
    expect(isAssigned(CAMPAIGN.assignments, 31, 'commune', '2.3')).toBe(true);
    expect(isAssigned(CAMPAIGN.assignments, 31, 'commune', '7.2')).toBe(false);
    expect(isAssigned(CAMPAIGN.assignments, 32, 'department', '7.2')).toBe(false);
  });
});

/** Every leaf of a tree with its top-level criterion, walked here independently of the engine. */
function leavesOf(node: CriteriaNode, top = ''): { code: string; top: string }[] {
  if (node.children.length === 0) return [{ code: node.code, top }];
  return node.children.flatMap((child) => leavesOf(child, top || child.code));
}

describe('appraisal coverage', () => {
  const all = COMMUNE_SET.tree.children.flatMap((c) => leavesOf(c, c.code));

  it('lists every leaf no assignment covers, in the set’s order, with its title', () => {
    // Appraiser 31 scores criteria 1 and 2, appraiser 32 criterion 7 (communes only).
    const expected = all.filter((l) => !['1', '2', '7'].includes(l.top)).map((l) => l.code);
    const found = unappraisedLeaves(CAMPAIGN, 'commune');
    expect(expected.length).toBeGreaterThan(0);
    expect(found.map((l) => l.code)).toEqual(expected);
    expect(found.every((l) => l.title.trim() !== '')).toBe(true);
  });

  it('counts an assignment limited to another kind as no appraiser', () => {
    const found = unappraisedLeaves(
      { ...CAMPAIGN, assignments: [{ userId: 31, nodeCodes: [''], unitKind: 'department' }] },
      'commune',
    );
    expect(found.map((l) => l.code)).toEqual(all.map((l) => l.code));
  });

  it('is empty when every leaf has an appraiser, or the campaign has no set for the kind', () => {
    const everything = { ...CAMPAIGN, assignments: [{ userId: 31, nodeCodes: [''] }] };
    expect(unappraisedLeaves(everything, 'commune')).toEqual([]);
    expect(unappraisedLeaves(CAMPAIGN, 'department')).toEqual([]);
  });

  it('leaves out the leaves whose self score was accepted', () => {
    const found = unappraisedLeaves(CAMPAIGN, 'commune');
    const first = found[0]!.code;
    expect(unacceptedLeaves(found, new Set([first])).map((l) => l.code)).toEqual(
      found.slice(1).map((l) => l.code),
    );
  });
});

describe('deadlines', () => {
  it('end a date deadline at midnight Vietnam time and take instants with an offset', () => {
    expect(new Date(deadlineEnd('2023-01-15')).toISOString()).toBe('2023-01-15T17:00:00.000Z');
    expect(deadlineEnd('2023-01-15T17:00:00+07:00')).toBe(Date.parse('2023-01-15T10:00:00Z'));
    expect(deadlineEnd('2023-01-15T17:00:00')).toBeNaN();
    expect(deadlineEnd('2023-02-30')).toBeNaN();
    // An unreadable deadline counts as passed: nothing stays open by accident.
    expect(isPastDeadline('không rõ', new Date('2000-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('a campaign’s own class bands', () => {
  const five = [
    { label: 'Xuất sắc', fromPercent: 9000, toPercent: null },
    { label: 'Tốt', fromPercent: 8000, toPercent: 9000 },
    { label: 'Khá', fromPercent: 6500, toPercent: 8000 },
    { label: 'Trung bình', fromPercent: 5000, toPercent: 6500 },
    { label: 'Yếu', fromPercent: 0, toPercent: 5000 },
  ];

  it('reads a preset name or a JSON list of bands', () => {
    const preset = campaignBandsFrom('mac-dinh');
    expect(preset.ok && preset.bands?.map((b) => b.label)).toEqual([
      'Tốt',
      'Khá',
      'Trung bình',
      'Yếu',
    ]);
    expect(campaignBandsFrom('bo-chi-so')).toEqual({ ok: true, bands: null });
    expect(campaignBandsFrom(JSON.stringify(five))).toEqual({ ok: true, bands: five });
  });

  it('refuses text that is not bands, and bands with a gap, naming the problem', () => {
    expect(campaignBandsFrom('tot-kha')).toEqual({
      ok: false,
      problems: ['Mức xếp loại không phải JSON hợp lệ'],
    });
    expect(campaignBandsFrom('[{"label":"Tốt"}]').ok).toBe(false);
    const gap = campaignBandsFrom(JSON.stringify(five.filter((b) => b.label !== 'Khá')));
    expect(gap).toEqual({
      ok: false,
      problems: ['Không có mức xếp loại cho chỉ số từ 65 % đến dưới 80 %'],
    });
  });
});
