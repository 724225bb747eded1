/**
 * The public page of a published campaign, outside the signed-in frame (no login): each unit's
 * index, class, rank and criterion scores, from the public results endpoint.
 */
import {
  Accordion,
  Badge,
  Container,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { campaignApi } from './api.ts';
import { CriteriaChart } from './Charts.tsx';
import { classColor, classText, points } from './format.ts';

/** Published results for everyone. */
export function PublicResultsPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const results = useQuery({
    queryKey: ['public-results', id],
    queryFn: ({ signal }) => campaignApi.publicResults(id, signal),
    retry: false,
  });
  usePageTitle(results.data?.campaign.name ?? t('campaigns.public.title'));
  const units = [...(results.data?.units ?? [])].sort(
    (a, b) => a.unitKind.localeCompare(b.unitKind) || (a.rank ?? 1e9) - (b.rank ?? 1e9),
  );
  return (
    <Container component="main" size="lg" py="md">
      <Stack>
        <Group justify="space-between">
          <Text fw={600}>{t('app.fullName')}</Text>
          <LanguageSwitch />
        </Group>
        <Title order={1} size="h2">
          {results.data ? results.data.campaign.name : t('campaigns.public.title')}
        </Title>
        <Text c="dimmed">{t('campaigns.public.intro')}</Text>
        {results.isLoading ? (
          <LoadingState />
        ) : results.error ? (
          <ErrorAlert error={results.error} />
        ) : (
          <>
            <Table.ScrollContainer minWidth={560}>
              <Table striped aria-label={t('campaigns.public.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('campaigns.results.rank')}</Table.Th>
                    <Table.Th scope="col">{t('campaigns.results.unit')}</Table.Th>
                    <Table.Th scope="col">{t('campaigns.results.total')}</Table.Th>
                    <Table.Th scope="col">{t('campaigns.results.index')}</Table.Th>
                    <Table.Th scope="col">{t('campaigns.results.class')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {units.map((u) => (
                    <Table.Tr key={u.unitCode} data-unit-code={u.unitCode}>
                      <Table.Td data-col="rank">
                        {t('campaigns.results.rankValue', {
                          rank: u.rank ?? '—',
                          of: u.unitsRanked ?? '—',
                        })}
                      </Table.Td>
                      <Table.Td>{u.unitName}</Table.Td>
                      <Table.Td data-col="total">
                        {u.totalText ?? points(u.totalHundredths)}
                        {u.maxTotalText ? ` / ${u.maxTotalText}` : ''}
                        {u.provisional ? ` — ${t('campaigns.results.provisional')}` : ''}
                        {u.publishedWithoutSurvey ? (
                          <Text size="xs" c="orange.9" data-testid="published-without-survey">
                            {t('campaigns.public.publishedWithoutSurvey', {
                              reason: u.publishedWithoutSurvey.reason,
                            })}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td data-col="index">{u.indexText ?? '—'}</Table.Td>
                      <Table.Td data-col="class">
                        {u.classLabel ? (
                          <Badge variant="light" color={classColor(u.classBand)}>
                            {classText(u.classLabel, u.classBand, t)}
                          </Badge>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Title order={2} size="h4">
              {t('campaigns.public.criteriaTitle')}
            </Title>
            <Accordion variant="separated" multiple>
              {units.map((u) => (
                <Accordion.Item key={u.unitCode} value={u.unitCode}>
                  <Accordion.Control>{u.unitName}</Accordion.Control>
                  <Accordion.Panel>
                    <Paper p="xs">
                      <CriteriaChart
                        title={t('campaigns.public.criteriaOf', { unit: u.unitName })}
                        bars={u.criteria}
                      />
                      <Stack gap={2} mt="sm">
                        {u.criteria.map((c) => (
                          <Text key={c.code} size="sm">
                            {t('campaigns.public.criterionLine', {
                              code: c.code,
                              title: c.title,
                              score: c.adjustmentText
                                ? `${points(c.score)} (${c.adjustmentText})`
                                : points(c.score),
                              max: points(c.max),
                              rank: c.rank ?? '—',
                            })}
                          </Text>
                        ))}
                      </Stack>
                    </Paper>
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          </>
        )}
      </Stack>
    </Container>
  );
}
