/**
 * Why an imported file was refused: the server's message, then each located problem as a row of
 * a table (sheet, row, column, what is wrong), so the user can go straight to the cell.
 */
import { Alert, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

interface FileProblemsAlertProps {
  error: unknown;
  title: ReactNode;
}

export function FileProblemsAlert({ error, title }: FileProblemsAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const located = error instanceof ApiError ? error.details : [];
  if (located.length === 0) return <ErrorAlert error={error} title={title} />;
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      <Text size="sm">{error instanceof Error ? error.message : ''}</Text>
      <Table.ScrollContainer minWidth={480} mt="xs">
        <Table withTableBorder verticalSpacing={4} fz="sm" aria-label={t('common.fileProblems')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('common.fileSheet')}</Table.Th>
              <Table.Th scope="col">{t('common.fileRow')}</Table.Th>
              <Table.Th scope="col">{t('common.fileColumn')}</Table.Th>
              <Table.Th scope="col">{t('common.fileProblem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {located.map((d, i) => (
              <Table.Tr key={i}>
                <Table.Td>{d.sheet ?? t('common.none')}</Table.Td>
                <Table.Td>{d.row ?? t('common.none')}</Table.Td>
                <Table.Td>{d.column ?? d.field ?? t('common.none')}</Table.Td>
                <Table.Td>{d.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Alert>
  );
}
