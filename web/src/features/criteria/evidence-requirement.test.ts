import { describe, expect, it } from 'vitest';
import type { NodeView } from './api.ts';
import { fromServer, newNode, requirementOf, toPayload } from './tree-edit.ts';

const view = (evidenceRequirement: NodeView['evidenceRequirement']): NodeView => ({
  id: 7,
  code: '1',
  title: 'Ban hành kế hoạch CCHC',
  maxHundredths: 700,
  ruleText: null,
  rule: null,
  notApplicable: null,
  kind: null,
  guidance: null,
  evidence: null,
  agency: null,
  source: null,
  toBeConfirmed: false,
  evidenceRequirement,
  copiedFromId: null,
  children: [],
});

describe("a node's evidence requirement in the editor", () => {
  it('comes back unchanged from the server through the editor', () => {
    const requirement = { kind: 'plan' as const, mustBeSigned: true, deadline: '2026-01-15' };
    const [node] = toPayload(fromServer([view(requirement)]));
    expect(node!.evidenceRequirement).toEqual(requirement);
  });

  it('is saved as nothing when nothing is asked, and leaves out an incomplete date', () => {
    expect(requirementOf(newNode())).toBeNull();
    expect(toPayload(fromServer([view(null)]))[0]!.evidenceRequirement).toBeNull();
    expect(
      requirementOf({ ...newNode(), mustBeSigned: true, evidenceDeadline: '2026-01' }),
    ).toEqual({ mustBeSigned: true });
  });
});
