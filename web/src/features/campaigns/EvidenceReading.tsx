/**
 * What the evidence check read from a file, beside the file: number, date, issuing body, signer,
 * the digital signature's status, its chain (who issued the signer's certificate) and trust ("không
 * kiểm tra được" when the server has no trust anchors). Where the unit may edit, the officer
 * confirms the reading or corrects it into the library record.
 */
import {
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { formatDateShort } from '@domain/format.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { api } from '../../lib/api-client.ts';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import type { EvidenceCheck } from '@shared/contract/evidence.ts';
import { campaignApi, type EvidenceDocument } from './api.ts';
import { campaignKeys } from './hooks.ts';

export type { EvidenceCheck };

const checkKey = (id: number) => ['evidence', 'check', id] as const;

/** The check of a document's current version, asked again every few seconds while pending. */
export function useEvidenceCheck(id: number) {
  return useQuery({
    queryKey: checkKey(id),
    queryFn: ({ signal }) => api.get<EvidenceCheck>(`/evidence/${id}/check`, undefined, signal),
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 3000 : false),
    retry: false,
  });
}

type SignatureState = 'none' | 'valid' | 'invalid' | 'changed';

function signatureState(check: EvidenceCheck): SignatureState {
  const last = check.signatures.at(-1);
  if (!last) return 'none';
  if (last.status !== 'valid') return 'invalid';
  return check.changedAfterSigning ? 'changed' : 'valid';
}

const day = (iso: string | null | undefined) => (iso ? formatDateShort(iso) : null);

/** The reading as a small table: what the file says, and what the library records. */
export function EvidenceReading({ doc, editable }: { doc: EvidenceDocument; editable: boolean }) {
  const { t } = useTranslation();
  const check = useEvidenceCheck(doc.id);
  const [confirming, setConfirming] = useState(false);
  if (check.isLoading) return <Loader size="xs" aria-label={t('evidenceReading.loading')} />;
  if (check.error) return <ErrorAlert error={check.error} />;
  const data = check.data;
  if (!data) return null;
  if (data.status === 'pending')
    return (
      <Text size="xs" c="dimmed" role="status">
        {t('evidenceReading.pending')}
      </Text>
    );
  const m = data.metadata;
  const last = data.signatures.at(-1);
  const state = signatureState(data);
  const trust =
    last === undefined
      ? null
      : last.trust === 'not_checked' || !data.trustAnchorsConfigured
        ? t('evidenceReading.trust.not_checked')
        : t(`evidenceReading.trust.${last.trust}`);
  const signer = m?.signing?.name ?? last?.signer?.commonName ?? null;
  const rows: [string, string | null][] = [
    [t('evidenceReading.number'), m?.number ?? null],
    [t('evidenceReading.date'), day(m?.issuedOn)],
    [t('evidenceReading.issuer'), m?.issuer ?? null],
    [t('evidenceReading.signer'), signer],
    [t('evidenceReading.signature'), t(`evidenceReading.signatureState.${state}`)],
    [
      t('evidenceReading.chain'),
      last ? (last.issuer?.commonName ?? t('evidenceReading.unknown')) : null,
    ],
    [t('evidenceReading.trustLabel'), trust],
  ];
  return (
    <Stack gap={4} pl="md">
      {data.errorMessage ? (
        <Text size="xs" c="dimmed">
          {data.errorMessage}
        </Text>
      ) : null}
      <Table
        fz="xs"
        verticalSpacing={2}
        horizontalSpacing="xs"
        withRowBorders={false}
        aria-label={t('evidenceReading.title', { name: doc.summary || doc.file.filename })}
      >
        <Table.Tbody>
          {rows
            .filter(([, value]) => value !== null)
            .map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                  {label}
                </Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
      <Group gap="xs">
        {doc.confirmed ? (
          <Badge size="sm" variant="light" color="teal">
            {t('evidenceReading.confirmed', {
              by: doc.confirmed.by ?? '',
              date: day(doc.confirmed.at.slice(0, 10)),
            })}
          </Badge>
        ) : null}
        {editable ? (
          <Button size="compact-xs" variant="light" onClick={() => setConfirming(true)}>
            {doc.confirmed ? t('evidenceReading.correct') : t('evidenceReading.confirm')}
          </Button>
        ) : null}
      </Group>
      {confirming ? (
        <ConfirmModal doc={doc} check={data} onClose={() => setConfirming(false)} />
      ) : null}
    </Stack>
  );
}

const DOCUMENT_TYPES = [
  'resolution',
  'decision',
  'directive',
  'regulation',
  'notice',
  'guidance',
  'programme',
  'plan',
  'scheme',
  'report',
  'minutes',
  'submission',
  'official_letter',
  'photo',
  'other',
] as const;

/** The officer's form: the library record, prefilled with what the record has, else what was read. */
function ConfirmModal({
  doc,
  check,
  onClose,
}: {
  doc: EvidenceDocument;
  check: EvidenceCheck;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const client = useQueryClient();
  const m = check.metadata;
  const [form, setForm] = useState({
    number: doc.number ?? m?.number ?? '',
    type: doc.type !== 'other' ? doc.type : (m?.kind ?? 'other'),
    issuedOn: day(doc.issuedOn ?? m?.issuedOn) ?? '',
    issuer: doc.issuer ?? m?.issuer ?? '',
    signerName: doc.signerName ?? m?.signing?.name ?? '',
    signerTitle: doc.signerTitle ?? m?.signing?.title ?? '',
    summary: doc.summary || m?.summary || doc.file.filename,
  });
  const save = useMutation({
    mutationFn: async () => {
      const current = await campaignApi.evidence(doc.id);
      return campaignApi.updateEvidence(doc.id, {
        ...form,
        confirmReading: true,
        version: current.version,
      });
    },
    onSuccess: (saved) => {
      client.setQueryData(campaignKeys.evidence(doc.id), saved);
      void client.invalidateQueries({ queryKey: ['evidence', 'library', doc.unitId] });
      onClose();
    },
  });
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
      setForm({ ...form, [name]: e.currentTarget.value }),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      fullScreen={mobile}
      title={t('evidenceReading.confirmTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <Text size="sm">{t('evidenceReading.confirmHint')}</Text>
          <TextInput label={t('evidenceReading.number')} {...field('number')} />
          <Select
            label={t('evidenceReading.type')}
            data={DOCUMENT_TYPES.map((k) => ({ value: k, label: t(`evidenceReading.types.${k}`) }))}
            value={form.type}
            onChange={(v) => setForm({ ...form, type: v ?? 'other' })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('evidenceReading.date')}
            placeholder={t('evidenceReading.datePlaceholder')}
            {...field('issuedOn')}
          />
          <TextInput label={t('evidenceReading.issuer')} {...field('issuer')} />
          <TextInput label={t('evidenceReading.signer')} {...field('signerName')} />
          <TextInput label={t('evidenceReading.signerTitle')} {...field('signerTitle')} />
          <TextInput label={t('evidenceReading.summary')} required {...field('summary')} />
          {save.error ? <ErrorAlert error={save.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('evidenceReading.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
