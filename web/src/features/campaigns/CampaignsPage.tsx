/** The campaigns (đợt đánh giá): each with its phase, deadline and units; the agency creates one. */
import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useSession } from '../../lib/session.tsx';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { CreateCampaignModal } from './CreateCampaignModal.tsx';
import { deadlineText, rolesOf } from './format.ts';
import { useCampaigns } from './hooks.ts';
import { PhaseBadge } from './StatusBadge.tsx';

/** The list of campaigns. */
export function CampaignsPage() {
  const { t } = useTranslation();
  usePageTitle(t('campaigns.title'));
  const language = useLanguage();
  const session = useSession();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const list = useCampaigns();
  const [creating, setCreating] = useState(false);
  const roles = rolesOf(session);
  const mayCreate = roles.has('standing_agency') || roles.has('system_admin');
  const items = list.data?.items ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('campaigns.title')}</Title>
        {mayCreate ? (
          <Button onClick={() => setCreating(true)}>{t('campaigns.create.button')}</Button>
        ) : null}
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : items.length === 0 ? (
        <Alert color="gray" variant="light" role="status">
          {t('campaigns.empty')}
        </Alert>
      ) : mobile ? (
        <Stack
          gap="xs"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('campaigns.title')}
        >
          {items.map((c) => (
            <Card key={c.id} component="li" withBorder padding="sm">
              <Anchor component={Link} to={`/campaigns/${c.id}`} fw={500}>
                {c.name}
              </Anchor>
              <Group gap="xs" mt={4}>
                <PhaseBadge phase={c.phase} />
                <Text size="sm" c="dimmed">
                  {t('campaigns.yearValue', { year: c.year })} ·{' '}
                  {t('campaigns.participantsCount', { count: c.participants })}
                </Text>
              </Group>
              <Text size="sm" c="dimmed">
                {t('campaigns.deadlines.selfAssessment')}:{' '}
                {deadlineText(c.deadlines.selfAssessment, language)}
              </Text>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label={t('campaigns.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('campaigns.fields.name')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.fields.year')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.fields.phase')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.deadlines.selfAssessment')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.fields.participants')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/campaigns/${c.id}`}>
                      {c.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.year}</Table.Td>
                  <Table.Td>
                    <PhaseBadge phase={c.phase} />
                  </Table.Td>
                  <Table.Td>{deadlineText(c.deadlines.selfAssessment, language)}</Table.Td>
                  <Table.Td>{c.participants}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateCampaignModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          void navigate(`/campaigns/${id}`);
        }}
      />
    </Stack>
  );
}
