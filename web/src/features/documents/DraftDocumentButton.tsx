/**
 * "Tạo văn bản": drafts an official document from the data on the page, shows the job's progress
 * and offers the Word file (to edit and sign) and its PDF when ready.
 */
import { Alert, Anchor, Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { documentsApi, type DraftRequest } from './api.ts';
import { useDocumentJob, useStartDocument } from './hooks.ts';

interface DraftDocumentButtonProps {
  request: DraftRequest;
  /** An annex of the same data as a spreadsheet, when the page offers one. */
  annexUrl?: string;
  variant?: 'filled' | 'light' | 'default';
}

export function DraftDocumentButton({
  request,
  annexUrl,
  variant = 'light',
}: DraftDocumentButtonProps) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [opened, setOpened] = useState(false);
  const start = useStartDocument();
  const [jobId, setJobId] = useState<number | null>(null);
  const job = useDocumentJob(jobId);

  const open = () => {
    setOpened(true);
    setJobId(null);
    start.reset();
    start.mutate(request, { onSuccess: (j) => setJobId(j.id) });
  };
  const retry = useMutation({
    mutationFn: (id: number) => documentsApi.retry(id),
    onSuccess: (j) => setJobId(j.id),
  });
  const data = job.data;
  const running = start.isPending || !data || data.status === 'queued' || data.status === 'running';

  return (
    <>
      <Button variant={variant} onClick={open}>
        {t('documents.draft')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t(`documents.types.${request.type}`)}
        fullScreen={mobile}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <ErrorAlert error={start.error ?? job.error} />
          {!start.error && !job.error && running ? (
            <Stack gap={4}>
              <Text size="sm">
                {t(
                  `documents.steps.${(data?.step ?? 'start') as 'start' | 'render' | 'pdf' | 'done'}`,
                )}
              </Text>
              <Progress value={data?.progress ?? 5} animated aria-label={t('documents.progress')} />
            </Stack>
          ) : null}
          {data?.status === 'failed' ? (
            <Alert color="red" role="alert">
              {data.errorMessage ?? t('documents.failed')}
            </Alert>
          ) : null}
          {data?.status === 'interrupted' ? (
            <Alert color="orange" role="alert" title={t('documents.interrupted')}>
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{data.errorMessage}</Text>
                <ErrorAlert error={retry.error} />
                <Button onClick={() => retry.mutate(data.id)} loading={retry.isPending}>
                  {t('documents.retry')}
                </Button>
              </Stack>
            </Alert>
          ) : null}
          {data?.status === 'succeeded' ? (
            <Stack gap="xs">
              <Text size="sm">{t('documents.ready', { name: data.fileName ?? '' })}</Text>
              <Group>
                <Button component="a" href={documentsApi.fileUrl(data.id, 'docx')} download>
                  {t('documents.downloadDocx')}
                </Button>
                {data.pdfStatus === 'ready' ? (
                  <Button
                    component="a"
                    variant="default"
                    href={documentsApi.fileUrl(data.id, 'pdf')}
                    download
                  >
                    {t('documents.downloadPdf')}
                  </Button>
                ) : null}
              </Group>
              {data.pdfStatus === 'unavailable' ? (
                <Text size="sm" c="dimmed">
                  {t('documents.pdfUnavailable')}
                </Text>
              ) : null}
              {data.pdfStatus === 'failed' ? (
                <Text size="sm" c="red">
                  {t('documents.pdfFailed')}
                </Text>
              ) : null}
              <Text size="xs" c="dimmed">
                {t('documents.editHint')}
              </Text>
            </Stack>
          ) : null}
          {annexUrl ? (
            <Anchor href={annexUrl} size="sm">
              {t('documents.annexXlsx')}
            </Anchor>
          ) : null}
        </Stack>
      </Modal>
    </>
  );
}
