/**
 * The standing agency's set-up of a campaign, as far as the API goes: add and remove units,
 * replace the appraiser assignments (account name and criterion codes), open the campaign after
 * the server's checks, publish every approved result, close the campaign.
 */
import {
  Button,
  CloseButton,
  Group,
  List,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { UnitPicker, type PickedUnit } from '../../components/UnitPicker.tsx';
import { campaignApi, type CampaignDetail } from './api.ts';
import { DecisionFields, NO_DECISION, decisionBody, type Decision } from './DecisionFields.tsx';
import { useCampaignMutation } from './hooks.ts';

interface AssignmentRow {
  username: string;
  codes: string;
  unitKind: string | null;
}

/** Set-up panel of a campaign the user manages. */
export function SetupSection({ detail }: { detail: CampaignDetail }) {
  const { t } = useTranslation();
  const { campaign } = detail;
  const id = campaign.id;
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [rows, setRows] = useState<AssignmentRow[]>(() =>
    detail.assignments.map((a) => ({
      username: a.username,
      codes: a.nodeCodes.join(', '),
      unitKind: a.unitKind,
    })),
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'open' | 'publish' | 'close' | null>(null);

  const add = useCampaignMutation((unitId: number) =>
    campaignApi.addParticipants(id, { unitIds: [unitId] }),
  );
  const remove = useCampaignMutation((unitId: number) => campaignApi.removeParticipant(id, unitId));
  const assign = useCampaignMutation(() =>
    campaignApi.assign(id, {
      assignments: rows
        .filter((r) => r.username.trim() !== '')
        .map((r) => ({
          username: r.username.trim(),
          nodeCodes: r.codes.split(/[,;\s]+/).filter(Boolean),
          unitKind: r.unitKind,
        })),
    }),
  );
  const open = useCampaignMutation(() => campaignApi.open(id));
  const [decision, setDecision] = useState<Decision>(NO_DECISION);
  const publish = useCampaignMutation(() => campaignApi.publishAll(id, decisionBody(decision)));
  const close = useCampaignMutation(() => campaignApi.close(id));

  const setup = campaign.status === 'setup';
  const running = confirm === 'open' ? open : confirm === 'publish' ? publish : close;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="setup-title">
      <Title order={3} size="h4" id="setup-title" mb="sm">
        {t('campaigns.setup.title')}
      </Title>
      <Stack>
        {notice ? (
          <Text c="green" role="status">
            {notice}
          </Text>
        ) : null}
        <Stack gap="xs">
          <Title order={4} size="h5">
            {t('campaigns.setup.units')}
          </Title>
          <Group align="flex-end" gap="xs">
            <div style={{ flex: '1 1 18rem' }}>
              <UnitPicker
                label={t('campaigns.setup.unitToAdd')}
                value={unit}
                onChange={setUnit}
                currentOnly
              />
            </div>
            <Button
              disabled={!unit}
              loading={add.isPending}
              onClick={() =>
                unit &&
                add.mutate(unit.id, {
                  onSuccess: () => {
                    setNotice(t('campaigns.setup.unitAdded', { unit: unit.name }));
                    setUnit(null);
                  },
                })
              }
            >
              {t('campaigns.setup.add')}
            </Button>
          </Group>
          <ErrorAlert error={add.error} />
          {setup && detail.participants.length > 0 ? (
            <List size="sm">
              {detail.participants.map((p) => (
                <List.Item key={p.unitId}>
                  <Group gap={4}>
                    {p.unitName}
                    <CloseButton
                      size="sm"
                      aria-label={t('campaigns.setup.remove', { unit: p.unitName })}
                      onClick={() => remove.mutate(p.unitId)}
                    />
                  </Group>
                </List.Item>
              ))}
            </List>
          ) : null}
          <ErrorAlert error={remove.error} />
        </Stack>

        <Stack gap="xs">
          <Title order={4} size="h5">
            {t('campaigns.setup.assignments')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('campaigns.setup.assignmentsHint')}
          </Text>
          {rows.map((row, i) => (
            <Group key={i} align="flex-end" gap="xs" wrap="wrap">
              <TextInput
                label={t('campaigns.setup.username')}
                value={row.username}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setRows((r) => r.map((x, j) => (j === i ? { ...x, username: v } : x)));
                }}
                style={{ flex: '1 1 12rem' }}
              />
              <TextInput
                label={t('campaigns.setup.codes')}
                value={row.codes}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setRows((r) => r.map((x, j) => (j === i ? { ...x, codes: v } : x)));
                }}
                style={{ flex: '1 1 12rem' }}
              />
              <CloseButton
                aria-label={t('campaigns.setup.removeAssignment')}
                onClick={() => setRows((r) => r.filter((_, j) => j !== i))}
                mb={6}
              />
            </Group>
          ))}
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              onClick={() => setRows((r) => [...r, { username: '', codes: '', unitKind: null }])}
            >
              {t('campaigns.setup.addAssignment')}
            </Button>
            <Button
              size="xs"
              loading={assign.isPending}
              onClick={() =>
                assign.mutate(undefined, {
                  onSuccess: () => setNotice(t('campaigns.setup.assigned')),
                })
              }
            >
              {t('campaigns.setup.saveAssignments')}
            </Button>
          </Group>
          <ErrorAlert error={assign.error} />
        </Stack>

        <Group gap="xs">
          {setup ? (
            <Button onClick={() => setConfirm('open')}>{t('campaigns.setup.open')}</Button>
          ) : null}
          {campaign.status === 'open' ? (
            <>
              <Button
                variant="light"
                onClick={() => {
                  setDecision(NO_DECISION);
                  setConfirm('publish');
                }}
              >
                {t('campaigns.setup.publishAll')}
              </Button>
              <Button variant="default" color="red" onClick={() => setConfirm('close')}>
                {t('campaigns.setup.close')}
              </Button>
            </>
          ) : null}
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirm !== null}
        title={
          confirm ? t(`campaigns.setup.${confirm === 'publish' ? 'publishAll' : confirm}`) : ''
        }
        message={confirm ? t(`campaigns.setup.confirm.${confirm}`) : ''}
        confirmLabel={
          confirm ? t(`campaigns.setup.${confirm === 'publish' ? 'publishAll' : confirm}`) : ''
        }
        loading={running.isPending}
        onClose={() => setConfirm(null)}
        onConfirm={() => {
          if (confirm === 'publish')
            publish.mutate(undefined, {
              onSuccess: (r) => {
                setNotice(
                  t('campaigns.setup.published', { done: r.done }) +
                    r.refused.map((x) => ` ${x.unitName}: ${x.message}`).join(';'),
                );
                setConfirm(null);
              },
            });
          else if (confirm === 'open')
            open.mutate(undefined, {
              onSuccess: () => {
                setNotice(t('campaigns.setup.opened'));
                setConfirm(null);
              },
            });
          else if (confirm === 'close')
            close.mutate(undefined, {
              onSuccess: () => {
                setNotice(t('campaigns.setup.closed'));
                setConfirm(null);
              },
            });
        }}
      >
        {confirm === 'publish' ? <DecisionFields value={decision} onChange={setDecision} /> : null}
        <ErrorAlert error={running.error} />
      </ConfirmDialog>
    </Paper>
  );
}
