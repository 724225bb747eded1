/**
 * Appraisal coverage on the campaign's page: every sub-criterion no appraiser is assigned to, for
 * which units its self score was accepted and for which it still blocks closing round 1 and
 * approval; the council chair selects some and accepts their self score with a reason.
 */
import { Button, Checkbox, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { campaignApi } from './api.ts';
import { points } from './format.ts';
import { useCampaignMutation, useCoverage } from './hooks.ts';

/** The coverage panel, for the campaign's staff. */
export function CoverageSection({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const coverage = useCoverage(campaignId, true);
  const [selected, setSelected] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const accept = useCampaignMutation(() =>
    campaignApi.acceptSelfScores(campaignId, { codes: selected, reason }),
  );
  const kinds = coverage.data?.kinds ?? [];
  const rows = kinds.flatMap((k) =>
    k.unappraised.map((leaf) => ({ ...leaf, unitKind: k.unitKind })),
  );
  const several = kinds.length > 1;
  const mayAccept = coverage.data?.mayAccept ?? false;
  const toggle = (code: string, on: boolean) =>
    setSelected((list) => (on ? [...new Set([...list, code])] : list.filter((c) => c !== code)));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="coverage-title">
      <Title order={3} size="h4" id="coverage-title" mb="xs">
        {t('campaigns.coverage.title')}
      </Title>
      <Stack gap="sm">
        {coverage.error ? <ErrorAlert error={coverage.error} /> : null}
        {coverage.data && rows.length === 0 ? (
          <Text size="sm">{t('campaigns.coverage.allAssigned')}</Text>
        ) : null}
        {rows.length > 0 ? (
          <>
            <Text size="sm">{t('campaigns.coverage.hint')}</Text>
            <Table.ScrollContainer minWidth={560}>
              <Table aria-label={t('campaigns.coverage.title')} verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    {mayAccept ? (
                      <Table.Th scope="col">{t('campaigns.coverage.select')}</Table.Th>
                    ) : null}
                    <Table.Th scope="col">{t('campaigns.coverage.criterion')}</Table.Th>
                    <Table.Th scope="col">{t('campaigns.scorecard.max')}</Table.Th>
                    <Table.Th scope="col">{t('campaigns.coverage.selfScore')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((leaf) => (
                    <Table.Tr key={`${leaf.unitKind}:${leaf.code}`} data-code={leaf.code}>
                      {mayAccept ? (
                        <Table.Td>
                          <Checkbox
                            aria-label={t('campaigns.coverage.selectOne', { code: leaf.code })}
                            checked={selected.includes(leaf.code)}
                            onChange={(e) => toggle(leaf.code, e.currentTarget.checked)}
                          />
                        </Table.Td>
                      ) : null}
                      <Table.Td>
                        <Text size="sm">
                          {leaf.code}. {leaf.title}
                          {several ? ` (${leaf.unitKind})` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>{points(leaf.maxHundredths)}</Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          {leaf.acceptedFor.map((a) => (
                            <Text key={a.unitId} size="xs" c="teal.9">
                              {t('campaigns.coverage.acceptedFor', {
                                unit: a.unitName,
                                reason: a.reason,
                                by: a.by ?? '',
                                at: formatDateTime(a.at, language),
                              })}
                            </Text>
                          ))}
                          {leaf.waitingFor.length > 0 ? (
                            <Text size="xs" c="orange.9">
                              {t('campaigns.coverage.waitingFor', {
                                units: leaf.waitingFor.map((u) => u.unitName).join(', '),
                              })}
                            </Text>
                          ) : null}
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        ) : null}
        {notice ? (
          <Text size="sm" c="green.8" role="status">
            {notice}
          </Text>
        ) : null}
        {mayAccept && rows.length > 0 ? (
          <Stack gap="xs">
            <Textarea
              label={t('campaigns.coverage.reason')}
              description={t('campaigns.coverage.reasonHint')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Button
              style={{ alignSelf: 'flex-start' }}
              disabled={selected.length === 0}
              loading={accept.isPending}
              onClick={() =>
                accept.mutate(undefined, {
                  onSuccess: () => {
                    setNotice(
                      t('campaigns.coverage.accepted', { codes: [...selected].join(', ') }),
                    );
                    setSelected([]);
                    setReason('');
                  },
                })
              }
            >
              {t('campaigns.coverage.accept')}
            </Button>
            <ErrorAlert error={accept.error} />
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
