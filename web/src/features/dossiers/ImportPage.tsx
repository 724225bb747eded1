/**
 * The import wizard: choose the file and its source, match the file's own column names (proposed
 * from the names or the source's saved mapping), preview the first rows, then run the import as a
 * job whose progress is polled; every problem row is listed with its number and column.
 */
import {
  Accordion,
  Alert,
  Anchor,
  Autocomplete,
  Badge,
  Button,
  FileInput,
  Group,
  Progress,
  Select,
  Stack,
  Stepper,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import {
  dossierApi,
  type ColumnMapping,
  type ImportColumn,
  type ImportJob,
  type Preview,
} from './api.ts';
import { columnLabel } from './logic.ts';
import { DossiersTabs, quarterLabel } from './shared.tsx';

const isRatingColumn = (c: ImportColumn) => /^(citizen|self)Rating\d$/.test(c.column);

function MappingTable({
  columns,
  headers,
  mapping,
  onChange,
}: {
  columns: ImportColumn[];
  headers: string[];
  mapping: ColumnMapping;
  onChange: (column: string, header: string | null) => void;
}) {
  const { t } = useTranslation();
  const row = (c: ImportColumn) => (
    <Table.Tr key={c.column}>
      <Table.Td>
        <Text size="sm" component="label" htmlFor={`map-${c.column}`}>
          {columnLabel(t, c.column, c.label)}
          {c.required ? ' *' : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <Select
          id={`map-${c.column}`}
          aria-label={columnLabel(t, c.column, c.label)}
          data={headers}
          value={mapping[c.column] ?? null}
          onChange={(v) => onChange(c.column, v)}
          placeholder={t('dossiers.import.notMapped')}
          clearable
          searchable
          error={c.required && !mapping[c.column] ? t('dossiers.import.required') : undefined}
        />
      </Table.Td>
    </Table.Tr>
  );
  const head = (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{t('dossiers.import.column')}</Table.Th>
        <Table.Th>{t('dossiers.import.fileColumn')}</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
  return (
    <Stack>
      <Table aria-label={t('dossiers.import.mappingTitle')} layout="fixed">
        {head}
        <Table.Tbody>{columns.filter((c) => !isRatingColumn(c)).map(row)}</Table.Tbody>
      </Table>
      <Accordion variant="contained">
        <Accordion.Item value="ratings">
          <Accordion.Control>{t('dossiers.import.ratingColumns')}</Accordion.Control>
          <Accordion.Panel>
            <Table layout="fixed">
              {head}
              <Table.Tbody>{columns.filter(isRatingColumn).map(row)}</Table.Tbody>
            </Table>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}

function PreviewTable({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped aria-label={t('dossiers.import.previewTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dossiers.import.row')}</Table.Th>
            <Table.Th>{t('dossiers.import.code')}</Table.Th>
            <Table.Th>{t('dossiers.import.unit')}</Table.Th>
            <Table.Th>{t('dossiers.import.received')}</Table.Th>
            <Table.Th>{t('dossiers.import.channelCol')}</Table.Th>
            <Table.Th>{t('dossiers.import.periodCol')}</Table.Th>
            <Table.Th>{t('dossiers.import.timelinessCol')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((r) => (
            <Table.Tr key={r.row}>
              <Table.Td>{r.row}</Table.Td>
              {r.dossier ? (
                <>
                  <Table.Td>{r.dossier.code}</Table.Td>
                  <Table.Td>
                    {r.dossier.unitName} ({r.dossier.unitCode})
                  </Table.Td>
                  <Table.Td>
                    {new Date(r.dossier.receivedAt).toLocaleString('vi-VN', {
                      timeZone: 'Asia/Ho_Chi_Minh',
                    })}
                  </Table.Td>
                  <Table.Td>
                    {t(`dossiers.channel.${r.dossier.channel}` as 'dossiers.channel.counter')}
                  </Table.Td>
                  <Table.Td>{quarterLabel(t, r.dossier.period)}</Table.Td>
                  <Table.Td>
                    {t(`dossiers.timeliness.${r.dossier.timeliness}` as 'dossiers.timeliness.late')}
                  </Table.Td>
                </>
              ) : (
                <Table.Td colSpan={6}>
                  <Text size="sm" c="red">
                    {r.problems.map((p) => `${p.column}: ${p.message}`).join('; ')}
                  </Text>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function periodsText(t: TFunction, periods: Record<string, number>): string {
  return Object.entries(periods)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([p, n]) => `${quarterLabel(t, p)}: ${n}`)
    .join('; ');
}

/** The job's progress while it runs, and its outcome with every listed problem row. */
function JobProgress({
  jobId,
  onAgain,
  onRetried,
}: {
  jobId: number;
  onAgain: () => void;
  onRetried: (jobId: number) => void;
}) {
  const { t } = useTranslation();
  const retry = useMutation({
    mutationFn: () => dossierApi.retryJob(jobId),
    onSuccess: (r) => onRetried(r.jobId),
  });
  const job = useQuery({
    queryKey: ['dossiers', 'job', jobId],
    queryFn: ({ signal }) => dossierApi.job(jobId, signal),
    refetchInterval: (q) => {
      const s = (q.state.data as ImportJob | undefined)?.status;
      return s === 'succeeded' || s === 'failed' || s === 'interrupted' ? false : 700;
    },
  });
  const j = job.data;
  if (job.error) return <ErrorAlert error={job.error} />;
  if (!j) return <Progress value={0} animated aria-label={t('dossiers.import.queued')} />;
  const done = j.status === 'succeeded' || j.status === 'failed' || j.status === 'interrupted';
  const percent =
    j.status === 'succeeded'
      ? 100
      : j.rowsTotal
        ? Math.min(100, Math.round((j.rowsDone / j.rowsTotal) * 100))
        : 0;
  const progressText =
    j.status === 'queued'
      ? t('dossiers.import.queued')
      : j.rowsTotal
        ? t('dossiers.import.progress', { done: j.rowsDone, total: j.rowsTotal })
        : t('dossiers.import.progressUnknown', { done: j.rowsDone });
  return (
    <Stack>
      <Progress
        value={percent}
        animated={!done}
        size="lg"
        aria-label={progressText}
        color={j.status === 'failed' ? 'red' : j.status === 'interrupted' ? 'orange' : undefined}
      />
      <Text size="sm" aria-live="polite">
        {progressText}
      </Text>
      {j.status === 'succeeded' ? (
        <Alert
          color="green"
          title={t('dossiers.import.succeeded', { inserted: j.inserted, updated: j.updated })}
        >
          {j.periods ? t('dossiers.import.periods', { list: periodsText(t, j.periods) }) : null}
        </Alert>
      ) : null}
      {j.status === 'failed' ? (
        <Alert color="red" title={t('dossiers.import.failed')}>
          {j.message}
        </Alert>
      ) : null}
      {j.status === 'interrupted' ? (
        <Alert color="orange" title={t('dossiers.import.interrupted')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{j.message}</Text>
            {retry.error ? <ErrorAlert error={retry.error} /> : null}
            {j.canRetry ? (
              <Button onClick={() => retry.mutate()} loading={retry.isPending}>
                {t('dossiers.import.retry')}
              </Button>
            ) : j.retriedBy !== null ? (
              <Button variant="default" onClick={() => onRetried(j.retriedBy as number)}>
                {t('dossiers.import.retriedAs', { id: j.retriedBy })}
              </Button>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      {j.problemRows > 0 ? (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('dossiers.import.problemsTitle', { count: j.problemRows })}
          </Title>
          <Text size="sm">{t('dossiers.import.problemsHint')}</Text>
          {j.problemsListed < j.problemRows ? (
            <Text size="sm" c="dimmed">
              {t('dossiers.import.problemsListed', {
                shown: j.problemsListed,
                count: j.problemRows,
              })}
            </Text>
          ) : null}
          <Table.ScrollContainer minWidth={480}>
            <Table
              striped
              aria-label={t('dossiers.import.problemsTitle', { count: j.problemRows })}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dossiers.import.row')}</Table.Th>
                  <Table.Th>{t('dossiers.import.problemColumn')}</Table.Th>
                  <Table.Th>{t('dossiers.import.problemMessage')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {j.problems.map((p, i) => (
                  <Table.Tr key={`${p.row}-${p.column}-${i}`}>
                    <Table.Td>{t('dossiers.import.rowN', { row: p.row })}</Table.Td>
                    <Table.Td>{p.column}</Table.Td>
                    <Table.Td>{p.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ) : null}
      {done ? (
        <Group>
          <Button variant="default" onClick={onAgain}>
            {t('dossiers.import.again')}
          </Button>
          {j.status === 'succeeded' && j.periods ? (
            <Anchor
              component={Link}
              to={`/dossiers?period=${Object.keys(j.periods).sort().at(-1) ?? ''}`}
            >
              {t('dossiers.import.viewQuarter')}
            </Anchor>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}

/** The import page. */
export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('dossiers.import.title'));
  const mobile = useIsMobile();
  // A job opened by its address (/dossiers/import?job=12): its progress, or its outcome.
  const [params, setParams] = useSearchParams();
  const linked = Number(params.get('job'));
  const [step, setStep] = useState(Number.isInteger(linked) && linked > 0 ? 3 : 0);
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [jobId, setJobIdState] = useState<number | null>(
    Number.isInteger(linked) && linked > 0 ? linked : null,
  );
  const setJobId = (id: number | null) => {
    setJobIdState(id);
    setParams(id === null ? {} : { job: String(id) }, { replace: true });
  };
  const columns = useQuery({
    queryKey: ['dossiers', 'columns'],
    queryFn: ({ signal }) => dossierApi.columns(signal),
    staleTime: Infinity,
  });
  const sources = useQuery({
    queryKey: ['dossiers', 'sources'],
    queryFn: ({ signal }) => dossierApi.sources(signal),
  });

  const read = useMutation({
    mutationFn: (m: ColumnMapping | null) => dossierApi.preview(file as File, source.trim(), m),
    onSuccess: (p, m) => {
      setPreview(p);
      setMapping(p.mapping);
      // A file read with a given mapping goes on to the preview; a first read shows the mapping.
      setStep(m === null ? 1 : 2);
    },
  });
  const start = useMutation({
    mutationFn: (m: ColumnMapping | null) => dossierApi.startImport(file as File, source.trim(), m),
    onSuccess: (r) => {
      setJobId(r.jobId);
      setStep(3);
    },
  });

  const again = () => {
    setStep(0);
    setFile(null);
    setPreview(null);
    setJobId(null);
    read.reset();
    start.reset();
    void sources.refetch();
  };

  const labelOf = (column: string) =>
    columnLabel(t, column, columns.data?.items.find((c) => c.column === column)?.label);
  const unmapped = (columns.data?.items ?? []).filter((c) => c.required && !mapping[c.column]);
  const savedMatches = preview?.mappingFrom === 'saved' && preview.source !== null;

  return (
    <Stack>
      <DossiersTabs />
      <Title order={2}>{t('dossiers.import.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('dossiers.import.intro')}
      </Text>
      <Stepper
        active={step}
        size={mobile ? 'xs' : 'sm'}
        iconSize={mobile ? 26 : undefined}
        allowNextStepsSelect={false}
        onStepClick={(s) => s < step && jobId === null && setStep(s)}
      >
        <Stepper.Step label={t('dossiers.import.steps.file')}>
          <Stack maw={640}>
            <FileInput
              label={t('dossiers.import.file')}
              placeholder={t('dossiers.import.filePlaceholder')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={setFile}
              clearable
              required
            />
            <Autocomplete
              label={t('dossiers.import.source')}
              description={t('dossiers.import.sourceHint')}
              data={(sources.data?.items ?? []).map((s) => s.name)}
              value={source}
              onChange={setSource}
              required
            />
            <ErrorAlert error={read.error} />
            <Group>
              <Button
                onClick={() => read.mutate(null)}
                disabled={!file || source.trim() === ''}
                loading={read.isPending}
              >
                {t('dossiers.import.read')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('dossiers.import.steps.mapping')}>
          <Stack>
            {savedMatches ? (
              <Alert
                color="green"
                title={t('dossiers.import.savedMatches', { source: preview.source?.name })}
              >
                <Button mt="xs" onClick={() => start.mutate(null)} loading={start.isPending}>
                  {t('dossiers.import.importNow')}
                </Button>
              </Alert>
            ) : null}
            {preview?.layoutChanged && preview.source ? (
              <Alert color="yellow">
                {t('dossiers.import.layoutChanged', {
                  source: preview.source.name,
                  columns: preview.missingHeaders.join(', '),
                })}
              </Alert>
            ) : null}
            <ErrorAlert error={start.error} />
            <Title order={3} size="h4">
              {t('dossiers.import.mappingTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('dossiers.import.mappingIntro')}
            </Text>
            {preview && columns.data ? (
              <MappingTable
                columns={columns.data.items}
                headers={preview.headers}
                mapping={mapping}
                onChange={(column, header) =>
                  setMapping((m) => {
                    const next = { ...m };
                    if (header) next[column] = header;
                    else delete next[column];
                    return next;
                  })
                }
              />
            ) : null}
            {unmapped.length > 0 ? (
              <Text size="sm" c="red">
                {t('dossiers.import.unmapped', {
                  columns: unmapped.map((c) => columnLabel(t, c.column, c.label)).join(', '),
                })}
              </Text>
            ) : null}
            <ErrorAlert error={read.error} />
            <Group>
              <Button variant="default" onClick={() => setStep(0)}>
                {t('dossiers.import.back')}
              </Button>
              <Button
                onClick={() => read.mutate(mapping)}
                disabled={unmapped.length > 0}
                loading={read.isPending}
              >
                {t('dossiers.import.toPreview')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('dossiers.import.steps.preview')}>
          <Stack>
            <Title order={3} size="h4">
              {t('dossiers.import.previewTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('dossiers.import.previewIntro', { count: preview?.rows.length ?? 0 })}
            </Text>
            {preview && preview.unmappedRequired.length > 0 ? (
              <Text size="sm" c="red">
                {t('dossiers.import.unmapped', {
                  columns: preview.unmappedRequired.map(labelOf).join(', '),
                })}
              </Text>
            ) : null}
            {preview ? <PreviewTable preview={preview} /> : null}
            <ErrorAlert error={start.error} />
            <Group>
              <Button variant="default" onClick={() => setStep(1)}>
                {t('dossiers.import.back')}
              </Button>
              <Button
                onClick={() => start.mutate(mapping)}
                loading={start.isPending}
                disabled={unmapped.length > 0}
              >
                {t('dossiers.import.start')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('dossiers.import.steps.run')}>
          {jobId !== null ? (
            <JobProgress key={jobId} jobId={jobId} onAgain={again} onRetried={setJobId} />
          ) : null}
        </Stepper.Step>
      </Stepper>
      {preview ? (
        <Group gap="xs">
          <Badge variant="light">{preview.fileKind.toUpperCase()}</Badge>
          <Text size="sm" c="dimmed">
            {file?.name}
          </Text>
        </Group>
      ) : null}
    </Stack>
  );
}
