/**
 * Actions on the units selected in a campaign's list: approve (council chair), publish and reopen
 * (standing agency), remind (agency, chair or administrator). Each is confirmed first; the server
 * applies each unit's own rules, and the answer is shown as what was done and, unit by unit, what
 * was refused and why.
 */
import { Alert, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { useSession, type Session } from '../../lib/session.tsx';
import { campaignApi, type BulkAction, type BulkResult, type Participant } from './api.ts';
import { mayFire, rolesOf } from './format.ts';
import { DecisionFields, NO_DECISION, decisionBody, type Decision } from './DecisionFields.tsx';
import { useCampaignMutation } from './hooks.ts';

const ACTIONS: BulkAction[] = ['approve', 'publish', 'remind', 'reopen'];

/** The bulk actions this user's roles may use (the server still checks each unit). */
export function bulkActionsFor(session: Session): BulkAction[] {
  const roles = rolesOf(session);
  return ACTIONS.filter((a) =>
    a === 'remind'
      ? roles.has('standing_agency') || roles.has('council_chair') || roles.has('system_admin')
      : mayFire(session, a),
  );
}

/** The toolbar over the selected units, its confirmation and the summary of the outcome. */
export function BulkActions({
  campaignId,
  selected,
  onDone,
}: {
  campaignId: number;
  selected: Participant[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [pending, setPending] = useState<BulkAction | null>(null);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [decision, setDecision] = useState<Decision>(NO_DECISION);
  const [result, setResult] = useState<BulkResult | null>(null);
  const run = useCampaignMutation((action: BulkAction) =>
    campaignApi.bulk(campaignId, {
      action,
      unitIds: selected.map((p) => p.unitId),
      ...(action === 'reopen' ? { reason, until: until || null } : {}),
      ...(action === 'publish' ? decisionBody(decision) : {}),
    }),
  );
  const actions = bulkActionsFor(session);
  if (actions.length === 0) return null;
  const count = selected.length;
  return (
    <Stack gap="xs" mb="sm">
      <Group gap="xs" role="toolbar" aria-label={t('campaigns.bulk.label')}>
        <Text size="sm" aria-live="polite">
          {t('campaigns.bulk.selected', { count })}
        </Text>
        {actions.map((a) => (
          <Button
            key={a}
            size="xs"
            variant="default"
            disabled={count === 0}
            onClick={() => {
              run.reset();
              setReason('');
              setUntil('');
              setDecision(NO_DECISION);
              setPending(a);
            }}
          >
            {t(`campaigns.bulk.${a}`)}
          </Button>
        ))}
      </Group>
      {result ? <BulkSummary result={result} onClose={() => setResult(null)} /> : null}
      {run.error && pending === null ? <ErrorAlert error={run.error} /> : null}
      <ConfirmDialog
        opened={pending !== null}
        title={pending ? t(`campaigns.bulk.${pending}`) : ''}
        message={pending ? t(`campaigns.bulk.confirm_${pending}`, { count }) : ''}
        confirmLabel={pending ? t(`campaigns.bulk.${pending}`) : ''}
        loading={run.isPending}
        onClose={() => setPending(null)}
        onConfirm={() => {
          if (!pending) return;
          run.mutate(pending, {
            onSuccess: (r) => {
              setResult(r);
              setPending(null);
              onDone();
            },
            onError: (error) => {
              if (!(error instanceof ApiError) || error.status !== 400) setPending(null);
            },
          });
        }}
      >
        {pending === 'publish' ? <DecisionFields value={decision} onChange={setDecision} /> : null}
        {pending === 'reopen' ? (
          <>
            <Textarea
              label={t('campaigns.bulk.reason')}
              required
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <DateField label={t('campaigns.bulk.until')} value={until} onChange={setUntil} />
          </>
        ) : null}
        {pending && run.error ? <ErrorAlert error={run.error} /> : null}
      </ConfirmDialog>
    </Stack>
  );
}

function BulkSummary({ result, onClose }: { result: BulkResult; onClose: () => void }) {
  const { t } = useTranslation();
  const refused = result.refused.length > 0;
  return (
    <Alert
      color={refused ? 'orange' : 'green'}
      title={t('campaigns.bulk.summaryTitle', { action: t(`campaigns.bulk.${result.action}`) })}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
      role="status"
      data-testid="bulk-summary"
    >
      <Text size="sm" fw={500}>
        {t('campaigns.bulk.done', { count: result.done.length })}
      </Text>
      {result.done.length > 0 ? (
        <List size="sm" mb={refused ? 'xs' : 0}>
          {result.done.map((d) => (
            <List.Item key={d.unitId}>
              {d.reminded !== undefined
                ? t('campaigns.bulk.reminded', { unit: d.unitName, count: d.reminded })
                : t('campaigns.bulk.doneUnit', {
                    unit: d.unitName,
                    status: t(`campaigns.status.${d.status}`),
                  })}
            </List.Item>
          ))}
        </List>
      ) : null}
      {refused ? (
        <>
          <Text size="sm" fw={500}>
            {t('campaigns.bulk.refusedTitle', { count: result.refused.length })}
          </Text>
          <List size="sm">
            {result.refused.map((r) => (
              <List.Item key={r.unitId}>
                {t('campaigns.bulk.refusedUnit', {
                  unit: r.unitName || `#${r.unitId}`,
                  message: r.message,
                })}
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </Alert>
  );
}
