/**
 * The province's catalogue of procedures offered through the public postal service: which list
 * applies to a unit (its own or its nearest ancestor's), and — for the standing agency — replacing
 * it from pasted lines or a CSV/Excel file, each bad row named by the server.
 */
import {
  Alert,
  Button,
  FileInput,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { dossierApi, type PostalCatalogue } from './api.ts';
import { AreaPeriodPicker, DossiersTabs, useAreaPeriod } from './shared.tsx';

/** The list in force, as a table. */
function ProcedureTable({ catalogue }: { catalogue: PostalCatalogue }) {
  const { t } = useTranslation();
  return (
    <ScrollArea.Autosize mah={420}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dossiers.postal.code')}</Table.Th>
            <Table.Th>{t('dossiers.postal.name')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {catalogue.procedures.map((p) => (
            <Table.Tr key={p.code}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.code}</Table.Td>
              <Table.Td>{p.name ?? t('dossiers.postal.noName')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/** Pasting or uploading a new list; removing the unit's own one. */
function CatalogueEditor({ catalogue }: { catalogue: PostalCatalogue }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const unitId = catalogue.unit.id;
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const onSaved = (data: PostalCatalogue, message: string) => {
    queryClient.setQueryData(['dossiers', 'postal-catalogue', unitId], data);
    // Rates computed against the catalogue change with it.
    void queryClient.invalidateQueries({ queryKey: ['dossiers', 'quarter'] });
    setDone(message);
  };
  const paste = useMutation({
    mutationFn: () => dossierApi.replacePostalCatalogue(unitId, text),
    onMutate: () => setDone(null),
    onSuccess: (data) => {
      setText('');
      onSaved(data, t('dossiers.postal.saved', { count: data.procedures.length }));
    },
  });
  const upload = useMutation({
    mutationFn: () => dossierApi.uploadPostalCatalogue(unitId, file as File),
    onMutate: () => setDone(null),
    onSuccess: (data) => {
      setFile(null);
      onSaved(data, t('dossiers.postal.saved', { count: data.procedures.length }));
    },
  });
  const remove = useMutation({
    mutationFn: () => dossierApi.deletePostalCatalogue(unitId),
    onMutate: () => setDone(null),
    onSuccess: (data) => onSaved(data, t('dossiers.postal.removed')),
  });
  const ownCatalogue = catalogue.setOn !== null && catalogue.setOn.id === unitId;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3}>{t('dossiers.postal.editTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('dossiers.postal.editHint')}
        </Text>
        {catalogue.inherited && catalogue.setOn ? (
          <Text size="sm">
            {t('dossiers.postal.editInherited', {
              unit: catalogue.unit.name,
              owner: catalogue.setOn.name,
            })}
          </Text>
        ) : null}
        {done ? (
          <Alert color="green" role="status">
            {done}
          </Alert>
        ) : null}
        <Textarea
          label={t('dossiers.postal.paste')}
          placeholder={t('dossiers.postal.pastePlaceholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={6}
          maxRows={16}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        <ErrorAlert error={paste.error} />
        <Button
          onClick={() => paste.mutate()}
          loading={paste.isPending}
          disabled={text.trim() === ''}
          w="fit-content"
        >
          {t('dossiers.postal.savePaste')}
        </Button>
        <FileInput
          label={t('dossiers.postal.file')}
          description={t('dossiers.postal.fileHint')}
          placeholder={t('dossiers.postal.filePlaceholder')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={setFile}
          clearable
          maw={480}
        />
        <ErrorAlert error={upload.error} />
        <Button
          onClick={() => upload.mutate()}
          loading={upload.isPending}
          disabled={file === null}
          w="fit-content"
        >
          {t('dossiers.postal.upload')}
        </Button>
        {ownCatalogue ? (
          <>
            <ErrorAlert error={remove.error} />
            <Button
              variant="default"
              color="red"
              onClick={() => remove.mutate()}
              loading={remove.isPending}
              w="fit-content"
            >
              {t('dossiers.postal.remove')}
            </Button>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The catalogue page. */
export function PostalCataloguePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('dossiers.postal.title'));
  const { unitId } = useAreaPeriod();
  const catalogue = useQuery({
    queryKey: ['dossiers', 'postal-catalogue', unitId],
    queryFn: ({ signal }) => dossierApi.postalCatalogue(unitId as number, signal),
    enabled: unitId !== null,
  });
  const c = catalogue.data;
  return (
    <Stack>
      <DossiersTabs />
      <Title order={2}>{t('dossiers.postal.title')}</Title>
      <Text size="sm" c="dimmed" maw={860}>
        {t('dossiers.postal.intro')}
      </Text>
      <AreaPeriodPicker unitLabel={t('dossiers.postal.unit')} withPeriod={false} />
      {unitId === null ? (
        <Text c="dimmed">{t('dossiers.area.pick')}</Text>
      ) : catalogue.isLoading ? (
        <LoadingState />
      ) : catalogue.error ? (
        <ErrorAlert error={catalogue.error} />
      ) : c ? (
        <Stack maw={860}>
          <Group>
            <Text fw={500}>
              {c.setOn === null
                ? t('dossiers.postal.none')
                : t(c.inherited ? 'dossiers.postal.inherited' : 'dossiers.postal.own', {
                    unit: c.setOn.name,
                    date: formatDateTime(c.setOn.updatedAt, language),
                    count: c.procedures.length,
                  })}
            </Text>
          </Group>
          {c.procedures.length > 0 ? <ProcedureTable catalogue={c} /> : null}
          {c.canEdit ? (
            <CatalogueEditor key={c.unit.id} catalogue={c} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('dossiers.postal.readOnly')}
            </Text>
          )}
        </Stack>
      ) : null}
    </Stack>
  );
}
