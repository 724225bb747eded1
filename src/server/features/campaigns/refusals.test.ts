/**
 * Workflow refusals in words: every refusal the workflow can give, worded by the server catalogue
 * in Vietnamese, is exactly the domain's own sentence; in English it is a sentence of its own,
 * with the action, status and deadline named in English too.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/access.ts';
import {
  AGENCY,
  APPRAISER,
  APPRAISER_7,
  at,
  CAMPAIGN,
  CHAIR,
  KIM_PHUONG,
  OFFICER,
  actorWith,
} from '../../../domain/campaign/test-factories.ts';
import {
  ASSESSMENT_STATUSES,
  TRANSITIONS,
  transition,
  type AssessmentEvent,
  type AssessmentEventType,
  type Refusal,
} from '../../../domain/campaign/workflow.ts';
import { catalogues } from '../../i18n/messages.ts';
import { refusalError } from './service.ts';
import { presentError } from '../../errors.ts';
import { refusalText } from './refusals.ts';

const ACTORS: Actor[] = [
  OFFICER,
  AGENCY,
  APPRAISER,
  APPRAISER_7,
  CHAIR,
  actorWith(99, 'unit_officer', '/9/'),
];
const TIMES = ['2023-01-10', '2023-01-20', '2023-02-20', '2023-03-05', '2023-03-20'].map((d) =>
  at(d),
);

function eventsOf(type: AssessmentEventType): AssessmentEvent[] {
  switch (type) {
    case 'submit':
      return [
        { type, blockingProblems: 0 },
        { type, blockingProblems: 3 },
      ];
    case 'reopen':
      return [
        { type, reason: '' },
        { type, reason: 'x', until: '2023-01-01' },
      ];
    case 'reopenResult':
      return [{ type, reason: ' ' }];
    case 'scoreRound1':
      return [{ type, nodeCode: '2.3' }];
    case 'decideRound2':
      return [
        { type, nodeCode: '2.3', findings: ['2.3'] },
        { type, nodeCode: '2.3', findings: [] },
      ];
    case 'explain':
      return [
        { type, nodeCode: '2.3', findings: ['2.3'] },
        { type, nodeCode: '2.3', findings: [] },
      ];
    case 'approve':
      return [{ type, undecidedFindings: 2 }];
    default:
      return [{ type } as AssessmentEvent];
  }
}

/** Every distinct refusal over statuses × events × actors × times, and both closed campaigns. */
function allRefusals(): Refusal[] {
  const seen = new Map<string, Refusal>();
  const campaigns = [
    CAMPAIGN,
    { ...CAMPAIGN, status: 'setup' as const },
    { ...CAMPAIGN, status: 'closed' as const },
  ];
  for (const campaign of campaigns)
    for (const status of ASSESSMENT_STATUSES)
      for (const reopened of [null, { reason: 'x', byUserId: 21, at: '', until: null }])
        for (const type of Object.keys(TRANSITIONS) as AssessmentEventType[])
          for (const event of eventsOf(type))
            for (const actor of ACTORS)
              for (const now of TIMES) {
                const r = transition({ status, reopened }, event, {
                  campaign,
                  unit: KIM_PHUONG,
                  actor,
                  now,
                });
                if (!r.ok) seen.set(`${r.refusal.reason} ${r.refusal.message}`, r.refusal);
              }
  return [...seen.values()];
}

describe('workflow refusals in the request language', () => {
  const refusals = allRefusals();

  it('meets every reason of refusal', () => {
    const reasons = new Set(refusals.map((r) => r.reason));
    const keys = Object.keys(catalogues.vi).filter((k) => k.startsWith('workflow_refusal_'));
    expect([...reasons].sort()).toEqual(
      keys.map((k) => k.slice('workflow_refusal_'.length)).sort(),
    );
  });

  it('words each refusal in Vietnamese exactly as the domain does', () => {
    for (const refusal of refusals) expect(refusalText('vi', refusal)).toBe(refusal.message);
  });

  it('words each refusal in English, with no Vietnamese and no placeholder left', () => {
    for (const refusal of refusals) {
      const text = refusalText('en', refusal);
      expect(text).not.toMatch(/[{}@]|[ạảãàáâậầấẩẫăắằặẳẵđêềếểễệôồốổỗộơờớởỡợưừứửữự]/i);
      expect(text.length).toBeGreaterThan(10);
    }
  });

  it('names the action and status of a lock in English', () => {
    const r = transition(
      { status: 'submitted', reopened: null },
      { type: 'saveDraft' },
      { campaign: CAMPAIGN, unit: KIM_PHUONG, actor: OFFICER, now: TIMES[0]! },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(refusalText('en', r.refusal)).toBe(
      'Cannot save the self-assessment: the assessment is submitted; withdraw it to edit',
    );
    const error = refusalError(r.refusal);
    expect(error.code).toBe('workflow_locked');
    expect(error.message).toBe(
      'Không thể lưu bản tự chấm: hồ sơ đã nộp tự chấm; hãy rút lại để sửa',
    );
    expect(presentError(error, 'en').error.message).toBe(
      'Cannot save the self-assessment: the assessment is submitted; withdraw it to edit',
    );
  });
});
