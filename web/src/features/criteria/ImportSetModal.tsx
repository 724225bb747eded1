/**
 * Importing a criteria set from an Excel workbook. Nothing is saved unless the whole workbook is
 * right; the server's problems come back located (sheet, row, column) and are shown as a table.
 */
import { Alert, Button, Group, Input, Modal, Stack, Table, Text } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api-client.ts';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import type { CriteriaSetDetail } from './api.ts';
import { useImportSet } from './hooks.ts';

interface ImportSetModalProps {
  opened: boolean;
  onClose: () => void;
  onImported: (detail: CriteriaSetDetail) => void;
}

/** The modal; the form inside is rebuilt at each opening. */
export function ImportSetModal({ opened, onClose, onImported }: ImportSetModalProps) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('criteria.importTitle')}
      size="xl"
      fullScreen={mobile}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <ImportSetForm onCancel={onClose} onImported={onImported} /> : null}
    </Modal>
  );
}

function ImportSetForm({
  onCancel,
  onImported,
}: {
  onCancel: () => void;
  onImported: (detail: CriteriaSetDetail) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const upload = useImportSet();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    upload.mutate(file, { onSuccess: onImported });
  };

  const error = upload.error;
  const located = error instanceof ApiError ? error.details : [];

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('criteria.importIntro')}</Text>
        <Input.Wrapper
          label={t('criteria.importFile')}
          labelProps={{ htmlFor: id }}
          error={missing ? t('criteria.importFileRequired') : undefined}
          required
        >
          <input
            id={id}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            style={{ display: 'block', marginTop: 4 }}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setMissing(false);
              upload.reset();
            }}
          />
        </Input.Wrapper>
        {error ? (
          <Alert color="red" variant="light" role="alert" title={t('criteria.importFailed')}>
            <Text size="sm">{error.message}</Text>
            {located.length > 0 ? (
              <Table.ScrollContainer minWidth={480} mt="xs">
                <Table
                  withTableBorder
                  verticalSpacing={4}
                  fz="sm"
                  aria-label={t('criteria.importProblems')}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('criteria.importSheet')}</Table.Th>
                      <Table.Th scope="col">{t('criteria.importRow')}</Table.Th>
                      <Table.Th scope="col">{t('criteria.importColumn')}</Table.Th>
                      <Table.Th scope="col">{t('criteria.importMessage')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {located.map((d, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{d.sheet ?? t('common.none')}</Table.Td>
                        <Table.Td>{d.row ?? t('common.none')}</Table.Td>
                        <Table.Td>{d.column ?? t('common.none')}</Table.Td>
                        <Table.Td>{d.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={upload.isPending}>
            {t('criteria.importSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
