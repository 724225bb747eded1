/**
 * The questionnaires (mẫu phiếu) as versioned data: each version with its five elements, their
 * questions, the overall question, the respondent profile and the suggestion prompt; export to
 * Excel or JSON and import either as a new version (the server names every problem of a bad file
 * by sheet, row and column, shown as a table);
 * links to the editor: a new version from the default questionnaire or from any version, or an
 * unused version edited in place.
 */
import {
  Accordion,
  Anchor,
  Badge,
  FileButton,
  Button,
  Group,
  List,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FileProblemsAlert } from '../../components/FileProblemsAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { questionnaireJsonUrl, questionnaireXlsxUrl, sipasApi } from './api.ts';
import { useQuestionnaires, useSipasMutation } from './hooks.ts';
import { SipasCrumbs } from './parts.tsx';

export function QuestionnairesPage() {
  const { t } = useTranslation();
  usePageTitle(t('sipas.questionnaires.title'));
  const list = useQuestionnaires();
  const upload = useSipasMutation((file: File) => sipasApi.importQuestionnaire(file));
  const [imported, setImported] = useState<string | null>(null);
  // Cleared after each choice, so the same file fixed and chosen again is sent again.
  const resetFile = useRef<() => void>(null);
  return (
    <Stack>
      <SipasCrumbs here={t('sipas.questionnaires.title')} />
      <Group justify="space-between">
        <Title order={2}>{t('sipas.questionnaires.title')}</Title>
        <Group gap="sm">
          <Button component={Link} to="/sipas/questionnaires/new">
            {t('sipas.questionnaires.createDefault')}
          </Button>
          <FileButton
            resetRef={resetFile}
            accept="application/json,.json,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(file) => {
              setImported(null);
              resetFile.current?.();
              if (file)
                upload.mutate(file, {
                  onSuccess: (q) =>
                    setImported(
                      t('sipas.questionnaires.imported', { name: q.name, version: q.version }),
                    ),
                });
            }}
          >
            {(props) => (
              <Button {...props} variant="default" loading={upload.isPending}>
                {t('sipas.questionnaires.import')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('sipas.questionnaires.intro')}
      </Text>
      <FileProblemsAlert error={upload.error} title={t('sipas.questionnaires.importFailed')} />
      {imported ? (
        <Text role="status" c="green">
          {imported}
        </Text>
      ) : null}
      {list.isLoading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : (
        <Accordion variant="separated">
          {(list.data?.items ?? []).map((q) => (
            <Accordion.Item key={q.id} value={String(q.id)}>
              <Accordion.Control>
                <Group gap="xs">
                  <Text fw={500}>{q.name}</Text>
                  <Badge variant="light" style={{ textTransform: 'none' }}>
                    {t('sipas.questionnaireVersion', { code: q.code, version: q.version })}
                  </Badge>
                  {q.inUse ? (
                    <Badge color="gray" variant="outline" style={{ textTransform: 'none' }}>
                      {t('sipas.questionnaires.inUse')}
                    </Badge>
                  ) : null}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  <Text size="sm">{q.document.basis}</Text>
                  {q.document.elements.map((e) => (
                    <div key={e.id}>
                      <Text fw={500} size="sm">
                        {e.name}
                      </Text>
                      <List size="sm">
                        {e.questions.map((qq) => (
                          <List.Item key={qq.id}>
                            {qq.id}. {qq.text}
                            {qq.allowNoAnswer
                              ? ` (${t('sipas.questionnaires.noAnswerAllowed')})`
                              : ''}
                          </List.Item>
                        ))}
                      </List>
                    </div>
                  ))}
                  <Text size="sm">
                    <Text span fw={500}>
                      {t('sipas.questionnaires.overall')}:
                    </Text>{' '}
                    {q.document.overallQuestion.text}
                  </Text>
                  <Text size="sm">
                    <Text span fw={500}>
                      {t('sipas.questionnaires.profile')}:
                    </Text>{' '}
                    {q.document.profile.map((p) => p.text).join('; ')}
                  </Text>
                  <Text size="sm">
                    <Text span fw={500}>
                      {t('sipas.questionnaires.suggestion')}:
                    </Text>{' '}
                    {q.document.suggestion.prompt}
                  </Text>
                  {q.document.toConfirm.length > 0 ? (
                    <Text size="xs" c="dimmed">
                      {t('sipas.questionnaires.toConfirm', {
                        list: q.document.toConfirm.join('; '),
                      })}
                    </Text>
                  ) : null}
                  <Group gap="sm">
                    {q.inUse ? null : (
                      <Button
                        component={Link}
                        to={`/sipas/questionnaires/${q.id}/edit`}
                        size="xs"
                        variant="light"
                      >
                        {t('sipas.questionnaires.edit')}
                      </Button>
                    )}
                    <Button
                      component={Link}
                      to={`/sipas/questionnaires/new?from=${q.id}`}
                      size="xs"
                      variant="light"
                    >
                      {t('sipas.questionnaires.newVersion')}
                    </Button>
                    <Anchor href={questionnaireXlsxUrl(q.id)} download size="sm">
                      {t('sipas.questionnaires.exportXlsx')}
                    </Anchor>
                    <Anchor href={questionnaireJsonUrl(q.id)} download size="sm">
                      {t('sipas.questionnaires.export')}
                    </Anchor>
                  </Group>
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}
