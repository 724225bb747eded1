/**
 * The one-stop officials of a unit by their code, with the full names the unit records, so the
 * quarterly results and the dossier report name them (seed 003): listed for everyone who reads
 * the unit's dossiers; added, corrected, removed or imported from a file by those who keep them.
 */
import {
  Button,
  FileInput,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FileProblemsAlert } from '../../components/FileProblemsAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { SuccessNotice } from '../../components/SuccessNotice.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { dossierApi, type DossierOfficials } from './api.ts';
import { AreaPeriodPicker, DossiersTabs, useAreaPeriod } from './shared.tsx';

type Official = DossierOfficials['officials'][number];

/** One row: the code and name, or the name being corrected. */
function OfficialRow({
  official,
  canEdit,
  onRename,
  onRemove,
  busy,
}: {
  official: Official;
  canEdit: boolean;
  onRename: (fullName: string) => Promise<unknown>;
  onRemove: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(official.fullName);
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{official.code}</Table.Td>
      <Table.Td>
        {editing ? (
          <TextInput
            aria-label={t('dossiers.officials.editLabel', { code: official.code })}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={200}
          />
        ) : (
          official.fullName
        )}
      </Table.Td>
      {canEdit ? (
        <Table.Td>
          {editing ? (
            <Group gap="xs" wrap="nowrap">
              <Button
                size="xs"
                loading={busy}
                onClick={() =>
                  void onRename(name)
                    .then(() => setEditing(false))
                    .catch(() => undefined)
                }
              >
                {t('dossiers.officials.save')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setName(official.fullName);
                  setEditing(false);
                }}
              >
                {t('dossiers.officials.cancel')}
              </Button>
            </Group>
          ) : (
            <Group gap="xs" wrap="nowrap">
              <Button
                size="xs"
                variant="default"
                aria-label={t('dossiers.officials.editLabel', { code: official.code })}
                onClick={() => setEditing(true)}
              >
                {t('dossiers.officials.edit')}
              </Button>
              <Button
                size="xs"
                variant="default"
                color="red"
                aria-label={t('dossiers.officials.removeLabel', { code: official.code })}
                onClick={onRemove}
              >
                {t('dossiers.officials.remove')}
              </Button>
            </Group>
          )}
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

/** The list, the add form, the codes without a name and the file import of one unit. */
function OfficialsEditor({ data }: { data: DossierOfficials }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const unitId = data.unit.id;
  const [code, setCode] = useState('');
  const [fullName, setFullName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Official | null>(null);
  // Starting one action clears what an earlier one said went wrong elsewhere on the page.
  const started = (own: 'add' | 'rename' | 'remove' | 'upload') => {
    setDone(null);
    if (own !== 'add') add.reset();
    if (own !== 'rename') rename.reset();
    if (own !== 'upload') upload.reset();
  };
  const onSaved = (next: DossierOfficials, message: string) => {
    queryClient.setQueryData(['dossiers', 'officials', unitId], next);
    // The quarterly view prints the names.
    void queryClient.invalidateQueries({ queryKey: ['dossiers', 'quarter'] });
    setDone(message);
  };
  const add = useMutation({
    mutationFn: () => dossierApi.addOfficial(unitId, code, fullName),
    onMutate: () => started('add'),
    onSuccess: (next) => {
      onSaved(next, t('dossiers.officials.added', { code: code.trim() }));
      setCode('');
      setFullName('');
    },
  });
  const rename = useMutation({
    mutationFn: (input: { code: string; fullName: string }) =>
      dossierApi.renameOfficial(unitId, input.code, input.fullName),
    onMutate: () => started('rename'),
    onSuccess: (next, input) =>
      onSaved(next, t('dossiers.officials.renamed', { code: input.code })),
  });
  const remove = useMutation({
    mutationFn: (o: Official) => dossierApi.removeOfficial(unitId, o.code),
    onMutate: () => started('remove'),
    onSuccess: (next, o) => {
      setRemoving(null);
      onSaved(next, t('dossiers.officials.removed', { code: o.code }));
    },
  });
  const upload = useMutation({
    mutationFn: () => dossierApi.uploadOfficials(unitId, file as File),
    onMutate: () => started('upload'),
    onSuccess: (next) => {
      setFile(null);
      onSaved(next, t('dossiers.officials.imported', { count: next.imported }));
    },
  });
  return (
    <Stack>
      {done ? <SuccessNotice onClose={() => setDone(null)}>{done}</SuccessNotice> : null}
      <Text fw={500}>
        {data.officials.length === 0
          ? t('dossiers.officials.none')
          : t('dossiers.officials.count', { count: data.officials.length })}
      </Text>
      {data.officials.length > 0 ? (
        <Table.ScrollContainer minWidth={420}>
          <Table striped withTableBorder aria-label={t('dossiers.officials.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dossiers.officials.code')}</Table.Th>
                <Table.Th scope="col">{t('dossiers.officials.fullName')}</Table.Th>
                {data.canEdit ? (
                  <Table.Th scope="col">{t('dossiers.officials.actions')}</Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.officials.map((o) => (
                <OfficialRow
                  key={`${o.code}\u0000${o.fullName}`}
                  official={o}
                  canEdit={data.canEdit}
                  busy={rename.isPending && rename.variables?.code === o.code}
                  onRename={(name) => rename.mutateAsync({ code: o.code, fullName: name })}
                  onRemove={() => setRemoving(o)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <ErrorAlert error={rename.error} />
      {!data.canEdit ? (
        <Text size="sm" c="dimmed">
          {t('dossiers.officials.readOnly')}
        </Text>
      ) : (
        <>
          <Paper withBorder p="md">
            <Stack>
              <Title order={3}>{t('dossiers.officials.addTitle')}</Title>
              {data.unnamedCodes.length > 0 ? (
                <Stack gap="xs">
                  <Text size="sm" fw={500}>
                    {t('dossiers.officials.unnamedTitle')}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('dossiers.officials.unnamedHint')}
                  </Text>
                  <Group gap="xs">
                    {data.unnamedCodes.map((c) => (
                      <Button
                        key={c}
                        size="xs"
                        variant="light"
                        aria-label={t('dossiers.officials.nameThis', { code: c })}
                        onClick={() => setCode(c)}
                      >
                        {c}
                      </Button>
                    ))}
                  </Group>
                </Stack>
              ) : null}
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  add.mutate();
                }}
              >
                <Group align="flex-end" wrap="wrap">
                  <TextInput
                    label={t('dossiers.officials.code')}
                    value={code}
                    onChange={(e) => setCode(e.currentTarget.value)}
                    maxLength={100}
                    required
                  />
                  <TextInput
                    label={t('dossiers.officials.fullName')}
                    value={fullName}
                    onChange={(e) => setFullName(e.currentTarget.value)}
                    maxLength={200}
                    required
                    style={{ flex: '1 1 16rem' }}
                  />
                  <Button type="submit" loading={add.isPending}>
                    {t('dossiers.officials.add')}
                  </Button>
                </Group>
              </form>
              <ErrorAlert error={add.error} />
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Stack>
              <Title order={3}>{t('dossiers.officials.fileTitle')}</Title>
              <FileInput
                label={t('dossiers.officials.file')}
                description={t('dossiers.officials.fileHint')}
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                value={file}
                onChange={setFile}
                maw={480}
              />
              <FileProblemsAlert error={upload.error} title={t('dossiers.officials.fileTitle')} />
              <Button
                onClick={() => upload.mutate()}
                loading={upload.isPending}
                disabled={file === null}
                w="fit-content"
              >
                {t('dossiers.officials.upload')}
              </Button>
            </Stack>
          </Paper>
          <ConfirmDialog
            opened={removing !== null}
            title={t('dossiers.officials.remove')}
            message={
              removing
                ? t('dossiers.officials.confirmRemove', {
                    code: removing.code,
                    name: removing.fullName,
                  })
                : ''
            }
            confirmLabel={t('dossiers.officials.remove')}
            color="red"
            loading={remove.isPending}
            onConfirm={() => removing && remove.mutate(removing)}
            onClose={() => {
              setRemoving(null);
              remove.reset();
            }}
          >
            <ErrorAlert error={remove.error} />
          </ConfirmDialog>
        </>
      )}
    </Stack>
  );
}

/** The officials page. */
export function OfficialsPage() {
  const { t } = useTranslation();
  usePageTitle(t('dossiers.officials.title'));
  const { unitId } = useAreaPeriod();
  const officials = useQuery({
    queryKey: ['dossiers', 'officials', unitId],
    queryFn: ({ signal }) => dossierApi.officials(unitId as number, signal),
    enabled: unitId !== null,
  });
  return (
    <Stack>
      <DossiersTabs />
      <Title order={2}>{t('dossiers.officials.title')}</Title>
      <Text size="sm" c="dimmed" maw={860}>
        {t('dossiers.officials.intro')}
      </Text>
      <AreaPeriodPicker unitLabel={t('dossiers.officials.unit')} withPeriod={false} />
      {unitId === null ? (
        <Text c="dimmed">{t('dossiers.area.pick')}</Text>
      ) : officials.isLoading ? (
        <LoadingState />
      ) : officials.error ? (
        <ErrorAlert error={officials.error} />
      ) : officials.data ? (
        <Stack maw={860}>
          <OfficialsEditor key={officials.data.unit.id} data={officials.data} />
        </Stack>
      ) : null}
    </Stack>
  );
}
