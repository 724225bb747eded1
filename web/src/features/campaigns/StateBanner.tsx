/**
 * Where a unit's assessment stands, in words, for the unit's own people: on its self-assessment
 * sheet and beside its button on the campaign page. It follows the unit's actual state (submitted,
 * in appraisal, approved, published, reopened…), never a reopening that was later submitted.
 */
import { Alert } from '@mantine/core';
import type { AssessmentStatus } from '@domain/campaign/workflow.ts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../lib/use-language.ts';
import type { Deadlines, Participant } from './api.ts';
import { deadlineText } from './format.ts';

const COLOURS: Record<AssessmentStatus, string> = {
  not_started: 'blue',
  draft: 'blue',
  reopened: 'orange',
  submitted: 'blue',
  round1_in_progress: 'blue',
  round1_closed: 'orange',
  explaining: 'orange',
  explanations_locked: 'blue',
  round2_in_progress: 'blue',
  approved: 'teal',
  published: 'green',
};

/** The title and sentence of a unit's state, with its deadlines in the user's language. */
export function useStateText(
  p: Pick<Participant, 'status' | 'reopened'>,
  deadlines: Deadlines,
): { title: string; text: string } {
  const { t } = useTranslation();
  const language = useLanguage();
  const selfDeadline = p.reopened?.until ?? deadlines.selfAssessment;
  const params = {
    date: deadlineText(selfDeadline, language),
    explanations: deadlineText(deadlines.explanations, language),
  };
  if (p.status === 'reopened' && p.reopened)
    return {
      title: t('campaigns.state.reopened.title'),
      text: t('campaigns.sheet.reopenedText', {
        reason: p.reopened.reason.replace(/\.\s*$/, ''),
        until: p.reopened.until
          ? deadlineText(p.reopened.until, language)
          : t('campaigns.sheet.untilRound1'),
      }),
    };
  return {
    title: t(`campaigns.state.${p.status}.title`),
    text: t(`campaigns.state.${p.status}.text`, params),
  };
}

/** The banner of a unit's state. */
export function StateBanner({
  participant,
  deadlines,
}: {
  participant: Pick<Participant, 'status' | 'reopened'>;
  deadlines: Deadlines;
}) {
  const { title, text } = useStateText(participant, deadlines);
  return (
    <Alert
      color={COLOURS[participant.status]}
      variant="light"
      title={title}
      role="status"
      data-testid="state-banner"
    >
      {text}
    </Alert>
  );
}
