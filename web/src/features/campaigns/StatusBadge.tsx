/** Badges naming a campaign's phase and a unit's assessment status in the user's language. */
import { Badge } from '@mantine/core';
import type { AssessmentStatus } from '@domain/campaign/workflow.ts';
import { useTranslation } from 'react-i18next';
import type { CampaignPhase } from './api.ts';

const STATUS_COLORS: Record<AssessmentStatus, string> = {
  not_started: 'gray',
  draft: 'yellow',
  submitted: 'blue',
  reopened: 'orange',
  round1_in_progress: 'indigo',
  round1_closed: 'violet',
  explaining: 'grape',
  explanations_locked: 'grape',
  round2_in_progress: 'cyan',
  approved: 'teal',
  published: 'green',
};

/** Where one unit's assessment stands. */
export function StatusBadge({ status }: { status: AssessmentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" style={{ textTransform: 'none' }}>
      {t(`campaigns.status.${status}`)}
    </Badge>
  );
}

/** The phase a campaign is in. */
export function PhaseBadge({ phase }: { phase: CampaignPhase }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={phase === 'closed' ? 'gray' : phase === 'setup' ? 'yellow' : 'blue'}
      variant="light"
      style={{ textTransform: 'none' }}
    >
      {t(`campaigns.phase.${phase}`)}
    </Badge>
  );
}
