/**
 * Importing a criteria set from an Excel workbook. Nothing is saved unless the whole workbook is
 * right; the server's problems come back located (sheet, row, column) and are shown as a table.
 */
import { Button, Group, Input, Modal, Stack, Text } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FileProblemsAlert } from '../../components/FileProblemsAlert.tsx';
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
        <FileProblemsAlert error={error} title={t('criteria.importFailed')} />
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
