/**
 * Importing a score file (CSV or Excel) into the campaign: results of an earlier year kept in
 * other tools, or survey points. The file is checked first — its first rows shown, every problem
 * listed by row and column — and imported only when the whole file is right (all or nothing).
 */
import {
  Alert,
  Button,
  Code,
  FileInput,
  Group,
  List,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { setupApi, type ScorePreview } from './api.ts';
import { useSetupMutation } from './hooks.ts';

const COLUMNS = ['unit_code', 'node_code', 'self', 'round1', 'round2', 'reason'] as const;

export function ScoreImportPanel({ id, closed }: { id: number; closed: boolean }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ScorePreview | null>(null);
  const check = useSetupMutation((f: File) => setupApi.preview(id, f));
  const run = useSetupMutation((f: File) => setupApi.importScores(id, f));

  const pick = (f: File | null) => {
    setFile(f);
    setPreview(null);
    run.reset();
    check.reset();
    if (f) check.mutate(f, { onSuccess: setPreview });
  };

  return (
    <Stack>
      <Title order={3} size="h4">
        {t('campaignSetup.import.title')}
      </Title>
      <Text size="sm">{t('campaignSetup.import.hint')}</Text>
      <Text size="sm" c="dimmed">
        {t('campaignSetup.import.columns')} <Code>{COLUMNS.join(', ')}</Code>.{' '}
        {t('campaignSetup.import.surveyRow')}
      </Text>
      {closed ? (
        <Alert color="gray">{t('campaignSetup.import.closed')}</Alert>
      ) : (
        <FileInput
          label={t('campaignSetup.import.file')}
          placeholder={t('campaignSetup.import.pick')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={pick}
          clearable
          maw={480}
        />
      )}
      {check.isPending ? <Text size="sm">{t('campaignSetup.import.checking')}</Text> : null}
      <ErrorAlert error={check.error ?? run.error} />
      {preview ? (
        <Stack gap="sm">
          {preview.problems.length > 0 ? (
            <Alert
              color="red"
              title={t('campaignSetup.import.problems', { count: preview.problems.length })}
            >
              <List size="sm" spacing={2} aria-label={t('campaignSetup.import.problemList')}>
                {preview.problems.map((p, i) => (
                  <List.Item key={i}>
                    {p.row !== undefined
                      ? t('campaignSetup.import.at', { row: p.row, column: p.column ?? '' })
                      : ''}
                    {p.message}
                  </List.Item>
                ))}
              </List>
              <Text size="sm" mt="xs">
                {t('campaignSetup.import.nothing')}
              </Text>
            </Alert>
          ) : preview.summary ? (
            <Alert color="blue" title={t('campaignSetup.import.ready')}>
              {t('campaignSetup.import.summary', { ...preview.summary })}
            </Alert>
          ) : null}
          <Text size="sm" c="dimmed">
            {t('campaignSetup.import.firstRows', {
              shown: preview.rows.length,
              total: preview.totalRows,
            })}
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table striped withTableBorder aria-label={t('campaignSetup.import.previewTable')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('campaignSetup.import.row')}</Table.Th>
                  {COLUMNS.map((c) => (
                    <Table.Th key={c}>{c}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.rows.map((r) => {
                  const bad = new Set(
                    preview.problems.filter((p) => p.row === r.row).map((p) => p.column),
                  );
                  return (
                    <Table.Tr key={r.row}>
                      <Table.Td>{r.row}</Table.Td>
                      {COLUMNS.map((c) => (
                        <Table.Td
                          key={c}
                          c={bad.has(c) ? 'red' : undefined}
                          fw={bad.has(c) ? 700 : undefined}
                        >
                          {r[c]}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {run.data ? (
            <Stack gap={4}>
              <Text c="green" role="status">
                {t('campaignSetup.import.done', { ...run.data })}
              </Text>
              <Text size="sm">{t('campaignSetup.import.closeHint')}</Text>
            </Stack>
          ) : (
            <Group>
              <Button
                disabled={!preview.summary || !file}
                loading={run.isPending}
                onClick={() => file && run.mutate(file)}
              >
                {t('campaignSetup.import.run')}
              </Button>
            </Group>
          )}
        </Stack>
      ) : null}
    </Stack>
  );
}
