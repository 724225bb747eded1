/**
 * The Word templates of official documents: for each type, the one in use (the province's own or
 * the shipped one), download it, edit it in Word, upload it back. An upload that would not render
 * is refused with the reason and the previous template stays. The placeholders each type offers
 * are listed with what they hold.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  FileButton,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { permissionsOf } from '@domain/access.ts';
import type { DocumentType, Placeholder } from '@domain/documents/templates.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDay } from '../../lib/dates.ts';
import { useSession } from '../../lib/session.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { documentsApi } from './api.ts';
import { useResetTemplate, useTemplates, useUploadTemplate } from './hooks.ts';

/** The units whose templates the user manages (null: the national default). */
function useTemplateUnits() {
  const session = useSession();
  const grants = session.grants.filter((g) => permissionsOf(g.role).includes('document.template'));
  return grants.map((g) => ({ value: g.unitId === null ? '' : String(g.unitId), unit: g }));
}

export function TemplatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('documents.templates.title'));
  const units = useTemplateUnits();
  const [choice, setChoice] = useState<string>(units[0]?.value ?? '');
  const unitId = choice === '' ? null : Number(choice);
  const templates = useTemplates(unitId);

  if (units.length === 0)
    return (
      <Stack>
        <Title order={2}>{t('documents.templates.title')}</Title>
        <Alert color="yellow">{t('errors.noPermission')}</Alert>
      </Stack>
    );
  return (
    <Stack>
      <Title order={2}>{t('documents.templates.title')}</Title>
      <Text size="sm" maw={760}>
        {t('documents.templates.intro')}
      </Text>
      {units.length > 1 ? (
        <Select
          label={t('documents.templates.unit')}
          data={units.map((u) => ({
            value: u.value,
            label: u.unit.unitName ?? t('documents.templates.national'),
          }))}
          value={choice}
          onChange={(v) => setChoice(v ?? '')}
          allowDeselect={false}
          maw={420}
        />
      ) : null}
      {templates.isLoading ? <LoadingState /> : null}
      <ErrorAlert error={templates.error} />
      {templates.data && !templates.data.pdfAvailable ? (
        <Alert color="yellow">{t('documents.templates.noPdf')}</Alert>
      ) : null}
      {templates.data?.types.map((entry) => (
        <TemplateCard
          key={entry.type}
          type={entry.type}
          unitId={unitId}
          own={entry.own}
          placeholders={entry.placeholders}
        />
      ))}
    </Stack>
  );
}

function TemplateCard({
  type,
  unitId,
  own,
  placeholders,
}: {
  type: DocumentType;
  unitId: number | null;
  own: { fileName: string; uploadedAt: string; uploadedBy: string | null } | null;
  placeholders: readonly Placeholder[];
}) {
  const { t } = useTranslation();
  const upload = useUploadTemplate(unitId);
  const reset = useResetTemplate(unitId);
  const [shown, setShown] = useState(false);
  const titleId = `template-${type}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4" id={titleId}>
            {t(`documents.types.${type}`)}
          </Title>
          {own ? (
            <Badge color="teal">{t('documents.templates.own')}</Badge>
          ) : (
            <Badge color="gray">{t('documents.templates.shipped')}</Badge>
          )}
        </Group>
        {own ? (
          <Text size="sm">
            {t('documents.templates.uploaded', {
              name: own.fileName,
              date: formatDay(own.uploadedAt.slice(0, 10)),
              by: own.uploadedBy ?? '—',
            })}
          </Text>
        ) : null}
        <Group wrap="wrap">
          <Button
            component="a"
            variant="default"
            href={documentsApi.templateUrl(type, unitId, false)}
          >
            {t('documents.templates.download')}
          </Button>
          <FileButton
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            onChange={(file) => {
              if (file) upload.mutate({ type, file });
            }}
          >
            {(props) => (
              <Button {...props} loading={upload.isPending}>
                {t('documents.templates.upload')}
              </Button>
            )}
          </FileButton>
          {own ? (
            <Button
              variant="subtle"
              color="red"
              loading={reset.isPending}
              onClick={() => reset.mutate(type)}
            >
              {t('documents.templates.reset')}
            </Button>
          ) : null}
          <Anchor href={documentsApi.templateUrl(type, unitId, true)} size="sm">
            {t('documents.templates.downloadShipped')}
          </Anchor>
        </Group>
        <ErrorAlert error={upload.error ?? reset.error} />
        {upload.isSuccess ? (
          <Alert color="teal" role="status">
            {t('documents.templates.saved')}
          </Alert>
        ) : null}
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setShown((s) => !s)}
          w="fit-content"
        >
          {shown ? t('documents.templates.hideFields') : t('documents.templates.showFields')}
        </Button>
        {shown ? <PlaceholderTable placeholders={placeholders} /> : null}
      </Stack>
    </Paper>
  );
}

function PlaceholderTable({ placeholders }: { placeholders: readonly Placeholder[] }) {
  const { t, i18n } = useTranslation();
  const rows: { tag: string; name: string; depth: number }[] = [];
  const walk = (list: readonly Placeholder[], depth: number) => {
    for (const p of list) {
      const tag = p.kind === 'text' ? `{${p.name}}` : `{#${p.name}} … {/${p.name}}`;
      rows.push({ tag, name: p.name, depth });
      if (p.children) walk(p.children, depth + 1);
    }
  };
  walk(placeholders, 0);
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('documents.templates.field')}</Table.Th>
            <Table.Th>{t('documents.templates.meaning')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={`${r.tag}-${i}`}>
              <Table.Td style={{ paddingLeft: 12 + r.depth * 20 }}>
                <Code>{r.tag}</Code>
              </Table.Td>
              <Table.Td>
                {i18n.exists(`documents.fields.${r.name}`)
                  ? t(`documents.fields.${r.name}` as never)
                  : r.name}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
