/** The workflow buttons on one unit (submit, withdraw, reopen, close round 1, approve…). */
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import type { AssessmentEventType } from '@domain/campaign/workflow.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { useSession } from '../../lib/session.tsx';
import { ACTION_PATHS, campaignApi, type ParticipantState } from './api.ts';
import { mayFire } from './format.ts';
import { useCampaignMutation } from './hooks.ts';
import { DateField } from '../../components/DateField.tsx';
import { DecisionFields, NO_DECISION, decisionBody, type Decision } from './DecisionFields.tsx';

const NEEDS_REASON: ReadonlySet<AssessmentEventType> = new Set(['reopen', 'reopenResult']);
const UNIT_ACTIONS: AssessmentEventType[] = [
  'submit',
  'withdraw',
  'lockExplanations',
  'reopen',
  'closeRound1',
  'approve',
  'reopenResult',
  'publish',
];

/** Workflow buttons the user may press on a unit, each confirmed first. */
export function UnitActions({
  campaignId,
  participant: p,
  possibleActions,
  blockingProblems = 0,
  compact = false,
}: {
  campaignId: number;
  participant: ParticipantState;
  possibleActions: readonly AssessmentEventType[];
  blockingProblems?: number;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [pending, setPending] = useState<AssessmentEventType | null>(null);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [decision, setDecision] = useState<Decision>(NO_DECISION);
  const [done, setDone] = useState<string | null>(null);
  // Publishing a provisional result (no survey points yet) is a decision recorded with a reason:
  // the server refuses it without one, and the dialog then asks for it.
  const [withoutSurvey, setWithoutSurvey] = useState(false);
  const askedReason = (event: AssessmentEventType) =>
    NEEDS_REASON.has(event) || (event === 'publish' && withoutSurvey);
  const act = useCampaignMutation((event: AssessmentEventType) =>
    campaignApi.act(campaignId, p.unitId, ACTION_PATHS[event] ?? event, {
      ...(askedReason(event) ? { reason } : {}),
      ...(event === 'reopen' ? { until: until || null } : {}),
      ...(event === 'publish' ? decisionBody(decision) : {}),
    }),
  );
  const actions = UNIT_ACTIONS.filter((a) => possibleActions.includes(a) && mayFire(session, a));
  if (actions.length === 0 && !act.error && !done) return null;
  const blocked = (a: AssessmentEventType) => a === 'submit' && blockingProblems > 0;
  return (
    <Stack gap="xs" mt={compact ? 0 : 'md'}>
      <Group gap="xs">
        {actions.map((a) => (
          <Button
            key={a}
            size={compact ? 'xs' : 'sm'}
            variant={a === 'submit' ? 'filled' : 'default'}
            disabled={blocked(a)}
            onClick={() => {
              act.reset();
              setDone(null);
              setReason('');
              setWithoutSurvey(false);
              setDecision(NO_DECISION);
              setPending(a);
            }}
          >
            {t(`campaigns.actions.${a}`)}
          </Button>
        ))}
      </Group>
      {actions.includes('submit') && blockingProblems > 0 ? (
        <Text size="sm" c="dimmed">
          {t('campaigns.sheet.submitBlocked')}
        </Text>
      ) : null}
      {done ? (
        <Text size="sm" c="green" role="status">
          {done}
        </Text>
      ) : null}
      {act.error && pending === null ? <ErrorAlert error={act.error} /> : null}
      <ConfirmDialog
        opened={pending !== null}
        title={pending ? t(`campaigns.actions.${pending}`) : ''}
        message={pending ? t(`campaigns.confirm.${pending}`, { unit: p.unitName }) : ''}
        confirmLabel={pending ? t(`campaigns.actions.${pending}`) : ''}
        loading={act.isPending}
        onClose={() => setPending(null)}
        onConfirm={() => {
          if (!pending) return;
          act.mutate(pending, {
            onSuccess: (r) => {
              setDone(
                t('campaigns.actionDone', {
                  status: t(`campaigns.status.${r.participant.status}`),
                }),
              );
              setPending(null);
            },
            onError: (error) => {
              if (error instanceof ApiError && error.code === 'campaign_publish_needs_survey') {
                setWithoutSurvey(true);
                return;
              }
              if (!(error instanceof ApiError) || error.status !== 400) setPending(null);
            },
          });
        }}
      >
        {pending === 'publish' ? <DecisionFields value={decision} onChange={setDecision} /> : null}
        {pending === 'publish' && withoutSurvey ? (
          <Textarea
            label={t('campaigns.actions.publishWithoutSurveyReason')}
            description={t('campaigns.actions.publishWithoutSurveyHint')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        ) : null}
        {pending && NEEDS_REASON.has(pending) ? (
          <Textarea
            label={t('campaigns.actions.reason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        ) : null}
        {pending === 'reopen' ? (
          <DateField label={t('campaigns.actions.until')} value={until} onChange={setUntil} />
        ) : null}
        {pending && act.error ? <ErrorAlert error={act.error} /> : null}
      </ConfirmDialog>
    </Stack>
  );
}
