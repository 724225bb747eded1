/**
 * Evidence attached to an entry: the attached documents with an inline preview (PDF and images
 * through the download URL with `inline=1`) and what the check read from each (EvidenceReading.tsx),
 * and, when editable, uploading a file into the unit's evidence library or picking a document
 * already there.
 */
import {
  Anchor,
  Button,
  CloseButton,
  FileButton,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { campaignApi, type EvidenceDocument } from './api.ts';
import { EvidenceReading } from './EvidenceReading.tsx';
import { campaignKeys, useEvidenceDocument, useEvidenceLibrary } from './hooks.ts';

const previewable = (doc: EvidenceDocument) =>
  doc.file.mediaType === 'application/pdf' || doc.file.mediaType.startsWith('image/');

/** A modal showing a PDF or an image inline, or offering the download. */
export function EvidencePreview({
  doc,
  onClose,
}: {
  doc: EvidenceDocument | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const url = doc ? `${doc.downloadUrl}?inline=1` : '';
  return (
    <Modal
      opened={doc !== null}
      onClose={onClose}
      size="xl"
      fullScreen={mobile}
      title={
        doc ? t('campaigns.evidence.previewTitle', { name: doc.summary || doc.file.filename }) : ''
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {doc ? (
        <Stack>
          {doc.file.mediaType === 'application/pdf' ? (
            <iframe
              src={url}
              title={doc.file.filename}
              style={{ width: '100%', height: mobile ? '70vh' : '65vh', border: 0 }}
            />
          ) : doc.file.mediaType.startsWith('image/') ? (
            <img src={url} alt={doc.summary || doc.file.filename} style={{ maxWidth: '100%' }} />
          ) : (
            <Text>{t('campaigns.evidence.noPreview')}</Text>
          )}
          <Anchor href={doc.downloadUrl}>{t('campaigns.evidence.download')}</Anchor>
        </Stack>
      ) : null}
    </Modal>
  );
}

/** One attached document: its name, a preview button and (when editable) a remove button. */
function AttachedDocument({
  id,
  onRemove,
  onPreview,
}: {
  id: number;
  onRemove: (() => void) | null;
  onPreview: (doc: EvidenceDocument) => void;
}) {
  const { t } = useTranslation();
  const doc = useEvidenceDocument(id);
  const name = doc.data ? doc.data.summary || doc.data.file.filename : `#${id}`;
  return (
    <Stack gap={2} component="li">
      <Group gap="xs" wrap="nowrap">
        {doc.isLoading ? <Loader size="xs" /> : null}
        {doc.data && previewable(doc.data) ? (
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => doc.data && onPreview(doc.data)}
            style={{ textAlign: 'left' }}
          >
            {name}
          </Anchor>
        ) : doc.data ? (
          <Anchor href={doc.data.downloadUrl} size="sm">
            {name}
          </Anchor>
        ) : (
          <Text size="sm" c={doc.error ? 'red' : undefined}>
            {doc.error ? t('campaigns.evidence.unreadable', { id }) : name}
          </Text>
        )}
        {onRemove ? (
          <CloseButton
            size="sm"
            aria-label={t('campaigns.evidence.remove', { name })}
            onClick={onRemove}
          />
        ) : null}
      </Group>
      {doc.data ? <EvidenceReading doc={doc.data} editable={onRemove !== null} /> : null}
    </Stack>
  );
}

/** A list of attached evidence, read-only. */
export function EvidenceList({ ids }: { ids: ReadonlyArray<number | string> }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<EvidenceDocument | null>(null);
  if (ids.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('campaigns.evidence.none')}
      </Text>
    );
  return (
    <>
      <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {ids.map((id) => (
          <AttachedDocument
            key={String(id)}
            id={Number(id)}
            onRemove={null}
            onPreview={setPreview}
          />
        ))}
      </Stack>
      <EvidencePreview doc={preview} onClose={() => setPreview(null)} />
    </>
  );
}

/** Picks documents from the unit's library. */
function LibraryModal({
  unitId,
  opened,
  exclude,
  onPick,
  onClose,
}: {
  unitId: number;
  opened: boolean;
  exclude: readonly number[];
  onPick: (doc: EvidenceDocument) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const library = useEvidenceLibrary(unitId, debounced, opened);
  const items = (library.data?.items ?? []).filter((d) => !exclude.includes(d.id));
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('campaigns.evidence.libraryTitle')}
      fullScreen={mobile}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <TextInput
          label={t('campaigns.evidence.librarySearch')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          type="search"
        />
        {library.error ? <ErrorAlert error={library.error} /> : null}
        {library.isLoading ? <Loader size="sm" /> : null}
        {!library.isLoading && items.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('campaigns.evidence.libraryEmpty')}
          </Text>
        ) : null}
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((doc) => (
            <Group key={doc.id} component="li" justify="space-between" wrap="nowrap">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" truncate>
                  {doc.summary || doc.file.filename}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {[doc.number, doc.file.filename].filter(Boolean).join(' · ')}
                </Text>
              </Stack>
              <Button size="xs" variant="light" onClick={() => onPick(doc)}>
                {t('campaigns.evidence.pick')}
              </Button>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Modal>
  );
}

/** Attached evidence with upload and pick-from-library. */
export function EvidenceField({
  unitId,
  ids,
  onChange,
  label,
}: {
  unitId: number;
  ids: readonly number[];
  onChange: (ids: number[]) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [preview, setPreview] = useState<EvidenceDocument | null>(null);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const upload = async (file: File | null) => {
    if (!file) return;
    setUploading(true);
    setError(null);
    setNotice(null);
    try {
      const doc = await campaignApi.uploadEvidence(unitId, file, file.name);
      client.setQueryData(campaignKeys.evidence(doc.id), doc);
      void client.invalidateQueries({ queryKey: ['evidence', 'library', unitId] });
      if (doc.notice) setNotice(doc.notice);
      if (!ids.includes(doc.id)) onChange([...ids, doc.id]);
    } catch (e) {
      setError(e);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Stack gap="xs" role="group" aria-label={label}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {ids.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('campaigns.evidence.none')}
        </Text>
      ) : (
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {ids.map((id) => (
            <AttachedDocument
              key={id}
              id={id}
              onPreview={setPreview}
              onRemove={() => onChange(ids.filter((x) => x !== id))}
            />
          ))}
        </Stack>
      )}
      <Group gap="xs">
        <FileButton
          onChange={(f) => void upload(f)}
          accept="application/pdf,image/*,.doc,.docx,.odt,.xls,.xlsx"
        >
          {(props) => (
            <Button {...props} size="xs" variant="light" loading={uploading}>
              {t('campaigns.evidence.upload')}
            </Button>
          )}
        </FileButton>
        <Button size="xs" variant="default" onClick={() => setLibraryOpen(true)}>
          {t('campaigns.evidence.fromLibrary')}
        </Button>
      </Group>
      {notice ? (
        <Text size="sm" c="dimmed" role="status">
          {notice}
        </Text>
      ) : null}
      {error ? <ErrorAlert error={error} onClose={() => setError(null)} /> : null}
      <LibraryModal
        unitId={unitId}
        opened={libraryOpen}
        exclude={ids}
        onClose={() => setLibraryOpen(false)}
        onPick={(doc) => {
          client.setQueryData(campaignKeys.evidence(doc.id), doc);
          onChange([...ids, doc.id]);
          setLibraryOpen(false);
        }}
      />
      <EvidencePreview doc={preview} onClose={() => setPreview(null)} />
    </Stack>
  );
}
