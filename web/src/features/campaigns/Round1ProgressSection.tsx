/** Round-1 progress per appraiser and unit states, with the chair's "close round 1" for all units. */
import { Button, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { campaignApi } from './api.ts';
import { percentOf } from './format.ts';
import { useCampaignMutation, useRound1Progress } from './hooks.ts';

/** The chair's view of round 1. */
export function Round1ProgressSection({
  campaignId,
  mayClose,
}: {
  campaignId: number;
  mayClose: boolean;
}) {
  const { t } = useTranslation();
  const progress = useRound1Progress(campaignId, true);
  const [confirm, setConfirm] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const closeAll = useCampaignMutation(() => campaignApi.closeRound1All(campaignId));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="round1-title">
      <Title order={3} size="h4" id="round1-title" mb="sm">
        {t('campaigns.round1.progressTitle')}
      </Title>
      <Stack>
        {progress.error ? (
          <ErrorAlert error={progress.error} title={t('campaigns.round1.progressUnavailable')} />
        ) : null}
        {progress.data ? (
          progress.data.appraisers.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('campaigns.round1.noAppraisers')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={480}>
              <Table aria-label={t('campaigns.round1.progressTitle')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('campaigns.round1.appraiser')}</Table.Th>
                    <Table.Th scope="col">{t('campaigns.round1.codes')}</Table.Th>
                    <Table.Th scope="col">{t('campaigns.round1.scored')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {progress.data.appraisers.map((a) => (
                    <Table.Tr key={a.userId}>
                      <Table.Td>
                        {a.fullName}{' '}
                        <Text span size="xs" c="dimmed">
                          ({a.username})
                        </Text>
                      </Table.Td>
                      <Table.Td>{a.nodeCodes.join(', ')}</Table.Td>
                      <Table.Td style={{ minWidth: 160 }}>
                        <Text size="sm">
                          {t('campaigns.round1.scoredValue', { scored: a.scored, total: a.total })}
                        </Text>
                        <Progress
                          value={percentOf(a.scored, a.total)}
                          size="sm"
                          aria-label={a.fullName}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        ) : null}
        {notice ? (
          <Text size="sm" c="green" role="status">
            {notice}
          </Text>
        ) : null}
        {mayClose ? (
          <Button style={{ alignSelf: 'flex-start' }} onClick={() => setConfirm(true)}>
            {t('campaigns.round1.closeAll')}
          </Button>
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={confirm}
        title={t('campaigns.round1.closeAll')}
        message={t('campaigns.round1.closeAllConfirm')}
        confirmLabel={t('campaigns.round1.closeAll')}
        loading={closeAll.isPending}
        onClose={() => setConfirm(false)}
        onConfirm={() =>
          closeAll.mutate(undefined, {
            onSuccess: (r) => {
              setNotice(
                t('campaigns.round1.closedAll', { done: r.done }) +
                  r.refused.map((x) => ` ${x.unitName}: ${x.message}`).join(';'),
              );
              setConfirm(false);
            },
          })
        }
      >
        <ErrorAlert error={closeAll.error} />
      </ConfirmDialog>
    </Paper>
  );
}
