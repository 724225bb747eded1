/**
 * Import of answers from a CSV or Excel file (another tool's export, a Google Form's answers) in
 * four steps: choose the file; match each part of the form to a column (the server proposes a
 * matching from the column names); check the first rows with that matching; import every row or,
 * when any row is wrong, none, with each problem named by row and column.
 */
import {
  Alert,
  Button,
  FileInput,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { ApiError, type ApiErrorDetail } from '../../lib/api-client.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { sipasApi, type ImportPreview, type SipasCampaign } from './api.ts';
import { useSipasCampaign, useSipasMutation } from './hooks.ts';
import { SipasCrumbs } from './parts.tsx';

export function ImportPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const campaign = useSipasCampaign(id);
  usePageTitle(t('sipas.import.title'));
  if (campaign.isLoading) return <LoadingState />;
  if (campaign.error || !campaign.data) return <ErrorAlert error={campaign.error} />;
  return <ImportWizard campaign={campaign.data} />;
}

/** Problems of a failed import, located by row and column. */
export function locatedProblems(error: unknown): ApiErrorDetail[] {
  return error instanceof ApiError ? error.details.filter((d) => d.row !== undefined) : [];
}

function ImportWizard({ campaign }: { campaign: SipasCampaign }) {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [checked, setChecked] = useState<ImportPreview | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const read = useSipasMutation((f: File) => sipasApi.previewImport(campaign.id, f));
  const check = useSipasMutation((m: Record<string, string | null>) =>
    sipasApi.checkImport(campaign.id, file as File, m),
  );
  const run = useSipasMutation((m: Record<string, string | null>) =>
    sipasApi.importFile(campaign.id, file as File, m),
  );

  const restart = () => {
    setStep(0);
    setFile(null);
    setPreview(null);
    setChecked(null);
    setImported(null);
    read.reset();
    check.reset();
    run.reset();
  };

  const headers = preview?.columns.map((c) => c.header) ?? [];
  const missingRequired =
    preview?.targets.filter((tg) => tg.required && !mapping[tg.key]).map((tg) => tg.label) ?? [];
  const problems = locatedProblems(run.error);
  const previewProblems =
    checked?.rows.flatMap((r) => r.problems.map((p) => ({ row: r.row, ...p }))) ?? [];

  return (
    <Stack>
      <SipasCrumbs id={campaign.id} name={campaign.name} here={t('sipas.import.title')} />
      <Title order={2}>{t('sipas.import.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('sipas.import.intro')}
      </Text>
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('sipas.import.stepFile')}>
          <Paper withBorder p="md">
            <Stack>
              <FileInput
                label={t('sipas.import.file')}
                description={t('sipas.import.fileHint')}
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                value={file}
                onChange={(f) => {
                  setFile(f);
                  read.reset();
                }}
                clearable
                maw={480}
              />
              <ErrorAlert error={read.error} />
              <Group>
                <Button
                  disabled={!file}
                  loading={read.isPending}
                  onClick={() =>
                    file &&
                    read.mutate(file, {
                      onSuccess: (p) => {
                        setPreview(p);
                        setMapping(p.proposedMapping);
                        setStep(1);
                      },
                    })
                  }
                >
                  {t('sipas.import.read')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        </Stepper.Step>
        <Stepper.Step label={t('sipas.import.stepMapping')}>
          {preview ? (
            <Paper withBorder p="md">
              <Stack>
                <Text size="sm">
                  {t('sipas.import.fileSummary', {
                    name: file?.name ?? '',
                    rows: preview.totalRows,
                    columns: preview.columns.length,
                  })}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
                  {preview.targets.map((tg) => {
                    const col = preview.columns.find((c) => c.header === mapping[tg.key]);
                    return (
                      <Select
                        key={tg.key}
                        label={tg.label}
                        required={tg.required}
                        data={headers.map((h) => ({ value: h, label: h || '—' }))}
                        value={mapping[tg.key] ?? null}
                        onChange={(v) => setMapping((m) => ({ ...m, [tg.key]: v }))}
                        placeholder={t('sipas.import.notMapped')}
                        clearable
                        searchable
                        description={
                          col
                            ? t('sipas.import.samples', {
                                values: col.samples.filter(Boolean).join(' · ') || '—',
                              })
                            : undefined
                        }
                      />
                    );
                  })}
                </SimpleGrid>
                {missingRequired.length > 0 ? (
                  <Alert color="yellow" variant="light">
                    {t('sipas.import.requiredMissing', { list: missingRequired.join(', ') })}
                  </Alert>
                ) : null}
                <ErrorAlert error={check.error} />
                <Group>
                  <Button variant="default" onClick={restart}>
                    {t('sipas.import.back')}
                  </Button>
                  <Button
                    disabled={missingRequired.length > 0}
                    loading={check.isPending}
                    onClick={() =>
                      check.mutate(mapping, {
                        onSuccess: (p) => {
                          setChecked(p);
                          setStep(2);
                        },
                      })
                    }
                  >
                    {t('sipas.import.check')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ) : null}
        </Stepper.Step>
        <Stepper.Step label={t('sipas.import.stepCheck')}>
          {checked ? (
            <Paper withBorder p="md">
              <Stack>
                <Text size="sm">
                  {t('sipas.import.previewIntro', {
                    shown: checked.rows.length,
                    total: checked.totalRows,
                  })}
                </Text>
                <Table.ScrollContainer minWidth={720}>
                  <Table striped aria-label={t('sipas.import.previewTable')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('sipas.import.row')}</Table.Th>
                        {checked.targets
                          .filter((tg) => mapping[tg.key])
                          .map((tg) => (
                            <Table.Th key={tg.key} scope="col">
                              {tg.label}
                            </Table.Th>
                          ))}
                        <Table.Th scope="col">{t('sipas.import.problems')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {checked.rows.map((r) => (
                        <Table.Tr key={r.row}>
                          <Table.Td>{r.row}</Table.Td>
                          {checked.targets
                            .filter((tg) => mapping[tg.key])
                            .map((tg) => (
                              <Table.Td key={tg.key}>
                                {r.values[tg.key] ?? r.values[mapping[tg.key] ?? ''] ?? ''}
                              </Table.Td>
                            ))}
                          <Table.Td c={r.problems.length ? 'red' : undefined}>
                            {r.problems.length === 0
                              ? t('sipas.import.ok')
                              : r.problems.map((p) => `${p.column}: ${p.message}`).join('; ')}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                {previewProblems.length > 0 ? (
                  <Alert color="yellow" variant="light">
                    {t('sipas.import.previewProblems', { count: previewProblems.length })}
                  </Alert>
                ) : null}
                {run.error ? (
                  <Alert color="red" variant="light" role="alert" title={t('sipas.import.failed')}>
                    <Text size="sm">{run.error.message}</Text>
                    {problems.length > 0 ? (
                      <Table mt="xs" aria-label={t('sipas.import.problemsTable')}>
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th scope="col">{t('sipas.import.row')}</Table.Th>
                            <Table.Th scope="col">{t('sipas.import.column')}</Table.Th>
                            <Table.Th scope="col">{t('sipas.import.problem')}</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {problems.map((p, i) => (
                            <Table.Tr key={i}>
                              <Table.Td>{p.row}</Table.Td>
                              <Table.Td>{p.column}</Table.Td>
                              <Table.Td>{p.message}</Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    ) : null}
                  </Alert>
                ) : null}
                <Group>
                  <Button variant="default" onClick={() => setStep(1)}>
                    {t('sipas.import.back')}
                  </Button>
                  <Button
                    loading={run.isPending}
                    onClick={() =>
                      run.mutate(mapping, {
                        onSuccess: (r) => {
                          setImported(r.imported);
                          setStep(3);
                        },
                      })
                    }
                  >
                    {t('sipas.import.run', { count: checked.totalRows })}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ) : null}
        </Stepper.Step>
        <Stepper.Completed>
          <Alert color="green" variant="light" role="status">
            {t('sipas.import.done', { count: imported ?? 0 })}
          </Alert>
          <Group mt="sm">
            <Button component={Link} to={`/sipas/${campaign.id}/indexes`}>
              {t('sipas.links.indexes')}
            </Button>
            <Button variant="default" onClick={restart}>
              {t('sipas.import.another')}
            </Button>
          </Group>
        </Stepper.Completed>
      </Stepper>
    </Stack>
  );
}
