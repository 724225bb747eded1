/**
 * What the automatic evidence checks found: the pre-submission check of a unit's self-assessment
 * (every risk, the most points at risk first, each saying what the appraiser will see) and, in the
 * appraiser's queue, the same findings beside the evidence of one sub-criterion. While files are
 * still being read the report says how many and refreshes itself. The unit can also have its whole
 * evidence library read again as a background batch, followed with a progress bar.
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { formatNumber } from '@domain/format.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { api } from '../../lib/api-client.ts';
import { points } from './format.ts';

interface Finding {
  code: string;
  severity: 'problem' | 'warning';
  message: string;
}

export interface EvidenceRisk {
  nodeCode: string;
  nodeTitle: string;
  pointsAtRisk: number;
  claimedHundredths: number;
  documentId: number | null;
  documentTitle: string | null;
  documentNumber: string | null;
  status: 'pending' | 'done' | 'unreadable' | null;
  error: string | null;
  errorMessage: string | null;
  findings: Finding[];
}

export interface EvidenceRiskReport {
  campaignId: number;
  unitId: number;
  year: number;
  pending: number;
  checked: number;
  pointsAtRisk: number;
  risks: EvidenceRisk[];
}

const riskKey = (campaignId: number, unitId: number) =>
  ['campaigns', campaignId, 'units', unitId, 'evidence-risks'] as const;

/** The report, refreshed every few seconds while files are still being read. */
export function useEvidenceRisks(campaignId: number, unitId: number, enabled = true) {
  return useQuery({
    queryKey: riskKey(campaignId, unitId),
    queryFn: ({ signal }) =>
      api.get<EvidenceRiskReport>(
        `/campaigns/${campaignId}/units/${unitId}/evidence-risks`,
        undefined,
        signal,
      ),
    enabled,
    refetchInterval: (query) => ((query.state.data?.pending ?? 0) > 0 ? 3000 : false),
  });
}

function FindingLines({ findings }: { findings: Finding[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {findings.map((f, i) => (
        <Group key={i} component="li" gap={6} wrap="nowrap" align="flex-start">
          <Badge
            size="sm"
            variant="light"
            color={f.severity === 'problem' ? 'red' : 'yellow'}
            style={{ flexShrink: 0 }}
          >
            {t(`evidenceCheck.severity.${f.severity}`)}
          </Badge>
          <Text size="sm">{f.message}</Text>
        </Group>
      ))}
    </Stack>
  );
}

function RiskItem({ risk }: { risk: EvidenceRisk }) {
  const { t } = useTranslation();
  const document = risk.documentId
    ? [risk.documentNumber, risk.documentTitle].filter(Boolean).join(' · ') ||
      t('evidenceCheck.documentNo', { id: risk.documentId })
    : t('evidenceCheck.noDocument');
  return (
    <Paper withBorder p="sm" component="li">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Text size="sm" fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {risk.nodeCode}. {risk.nodeTitle}
        </Text>
        {risk.pointsAtRisk > 0 ? (
          <Badge color="red" variant="filled">
            {t('evidenceCheck.atRisk', { points: points(risk.pointsAtRisk) })}
          </Badge>
        ) : (
          <Badge color="yellow" variant="light">
            {t('evidenceCheck.worthALook')}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb={4} style={{ overflowWrap: 'anywhere' }}>
        {document}
      </Text>
      {risk.errorMessage ? (
        <Text size="sm" c="orange" mb={4}>
          {risk.errorMessage}
        </Text>
      ) : null}
      <FindingLines findings={risk.findings} />
    </Paper>
  );
}

/** A batch re-check of a unit's evidence library, as the server reports its progress. */
interface RecheckProgress {
  id: number;
  unitId: number;
  total: number;
  checked: number;
  unreadable: number;
  done: boolean;
}

/**
 * "Read every document again": starts the batch, then polls it with a progress bar until it is
 * done, and refreshes the pre-submission report with what was read.
 */
function LibraryRecheck({ campaignId, unitId }: { campaignId: number; unitId: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [batchId, setBatchId] = useState<number | null>(null);
  const start = useMutation({
    mutationFn: () => api.post<RecheckProgress>(`/units/${unitId}/evidence/rechecks`),
    onSuccess: (batch) => setBatchId(batch.id),
  });
  const progress = useQuery({
    queryKey: ['evidence-rechecks', batchId],
    queryFn: ({ signal }) =>
      api.get<RecheckProgress>(`/evidence-rechecks/${batchId}`, undefined, signal),
    enabled: batchId !== null,
    refetchInterval: (query) => (query.state.data?.done ? false : 1000),
  });
  const batch = progress.data;
  const finished = batch?.done === true;
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: riskKey(campaignId, unitId) });
  }, [finished, queryClient, campaignId, unitId]);
  const running = batchId !== null && !finished;
  const text = batch
    ? finished
      ? batch.unreadable > 0
        ? t('evidenceCheck.recheck.done', {
            total: formatNumber(batch.total),
            unreadable: formatNumber(batch.unreadable),
          })
        : t('evidenceCheck.recheck.doneAllRead', { total: formatNumber(batch.total) })
      : t('evidenceCheck.recheck.progress', {
          checked: formatNumber(batch.checked),
          total: formatNumber(batch.total),
        })
    : t('evidenceCheck.recheck.starting');
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed" style={{ flex: 1, minWidth: 200 }}>
          {t('evidenceCheck.recheck.hint')}
        </Text>
        <Button
          variant="default"
          size="xs"
          onClick={() => start.mutate()}
          loading={start.isPending || running}
        >
          {t('evidenceCheck.recheck.start')}
        </Button>
      </Group>
      {start.error ? <ErrorAlert error={start.error} /> : null}
      {progress.error ? <ErrorAlert error={progress.error} /> : null}
      {batchId !== null ? (
        <>
          <Progress
            value={
              batch && batch.total > 0 ? (batch.checked / batch.total) * 100 : finished ? 100 : 0
            }
            animated={!finished}
            size="lg"
            color={finished ? 'green' : undefined}
            aria-label={t('evidenceCheck.recheck.label')}
          />
          <Text size="sm" role="status" data-testid="evidence-recheck-progress">
            {text}
          </Text>
        </>
      ) : null}
    </Stack>
  );
}

/** The unit's pre-submission check, opened on demand from its self-assessment page. */
export function PreSubmissionCheck({
  campaignId,
  unitId,
  canRecheck = false,
}: {
  campaignId: number;
  unitId: number;
  /** The unit's own people may have its whole library read again. */
  canRecheck?: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const report = useEvidenceRisks(campaignId, unitId, open);
  const data = report.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="evidence-check-title">
      <Group justify="space-between" gap="xs" mb={open ? 'xs' : 0}>
        <Title order={3} size="h4" id="evidence-check-title">
          {t('evidenceCheck.title')}
        </Title>
        <Button
          variant={open ? 'default' : 'light'}
          onClick={() => (open ? void report.refetch() : setOpen(true))}
          loading={open && report.isFetching}
        >
          {open ? t('evidenceCheck.again') : t('evidenceCheck.run')}
        </Button>
      </Group>
      {canRecheck ? <LibraryRecheck campaignId={campaignId} unitId={unitId} /> : null}
      {!open ? (
        <Text size="sm" c="dimmed">
          {t('evidenceCheck.intro')}
        </Text>
      ) : report.error ? (
        <ErrorAlert error={report.error} />
      ) : !data ? (
        <Loader size="sm" aria-label={t('evidenceCheck.title')} />
      ) : (
        <Stack gap="xs">
          {data.pending > 0 ? (
            <Alert color="blue" variant="light" role="status">
              <Group gap="xs" wrap="nowrap">
                <Loader size="xs" />
                <Text size="sm">
                  {t('evidenceCheck.pending', { pending: data.pending, checked: data.checked })}
                </Text>
              </Group>
            </Alert>
          ) : null}
          <Text size="sm" role="status" data-testid="evidence-risk-summary">
            {data.risks.length === 0
              ? t('evidenceCheck.none', { checked: data.checked })
              : t('evidenceCheck.summary', {
                  count: data.risks.length,
                  points: points(data.pointsAtRisk),
                  year: data.year,
                })}
          </Text>
          <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
            {data.risks.map((r, i) => (
              <RiskItem key={`${r.nodeCode}:${r.documentId ?? 'none'}:${i}`} risk={r} />
            ))}
          </Stack>
        </Stack>
      )}
    </Paper>
  );
}

/** In the appraiser's queue: the findings on the evidence of one sub-criterion of one unit. */
export function NodeEvidenceFindings({
  campaignId,
  unitId,
  code,
}: {
  campaignId: number;
  unitId: number;
  code: string;
}) {
  const { t } = useTranslation();
  const report = useEvidenceRisks(campaignId, unitId);
  const risks = report.data?.risks.filter((r) => r.nodeCode === code) ?? [];
  if (risks.length === 0) return null;
  return (
    <Stack gap={4} aria-label={t('evidenceCheck.queueTitle')}>
      <Text size="sm" fw={500}>
        {t('evidenceCheck.queueTitle')}
      </Text>
      {risks.map((r, i) => (
        <Stack key={i} gap={2}>
          {r.documentId ? (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {[r.documentNumber, r.documentTitle].filter(Boolean).join(' · ') ||
                t('evidenceCheck.documentNo', { id: r.documentId })}
            </Text>
          ) : null}
          <FindingLines findings={r.findings} />
        </Stack>
      ))}
    </Stack>
  );
}
