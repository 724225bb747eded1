/** The citizen-satisfaction surveys (SIPAS) in the user's scope; the standing agency creates one. */
import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useSession } from '../../lib/session.tsx';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { CampaignFormModal } from './CampaignFormModal.tsx';
import { useSipasCampaigns } from './hooks.ts';
import { SipasStatusBadge, usePeriodText } from './parts.tsx';

/** May the user manage SIPAS somewhere (by role; the server checks the unit)? */
export function mayManageSipas(grants: ReadonlyArray<{ role: string }>): boolean {
  return grants.some((g) => g.role === 'standing_agency' || g.role === 'system_admin');
}

/** The list of survey campaigns. */
export function SipasCampaignsPage() {
  const { t } = useTranslation();
  usePageTitle(t('sipas.title'));
  const session = useSession();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const period = usePeriodText();
  const list = useSipasCampaigns();
  const [creating, setCreating] = useState(false);
  const manager = mayManageSipas(session.grants);
  const items = list.data?.items ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('sipas.title')}</Title>
        {manager ? (
          <Group gap="xs">
            <Button variant="default" component={Link} to="/sipas/questionnaires">
              {t('sipas.questionnaires.title')}
            </Button>
            <Button onClick={() => setCreating(true)}>{t('sipas.create')}</Button>
          </Group>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed">
        {t('sipas.intro')}
      </Text>
      {list.isLoading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : items.length === 0 ? (
        <Alert color="gray" variant="light" role="status">
          {t('sipas.empty')}
        </Alert>
      ) : mobile ? (
        <Stack
          gap="xs"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('sipas.title')}
        >
          {items.map((c) => (
            <Card key={c.id} component="li" withBorder padding="sm">
              <Anchor component={Link} to={`/sipas/${c.id}`} fw={500}>
                {c.name}
              </Anchor>
              <Group gap="xs" mt={4}>
                <SipasStatusBadge status={c.status} />
                <Text size="sm" c="dimmed">
                  {c.ownerName ?? t('sipas.national')}
                </Text>
              </Group>
              <Text size="sm" c="dimmed">
                {period(c.periodStart, c.periodEnd)}
              </Text>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label={t('sipas.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sipas.fields.name')}</Table.Th>
                <Table.Th scope="col">{t('sipas.fields.period')}</Table.Th>
                <Table.Th scope="col">{t('sipas.fields.owner')}</Table.Th>
                <Table.Th scope="col">{t('sipas.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/sipas/${c.id}`}>
                      {c.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{period(c.periodStart, c.periodEnd)}</Table.Td>
                  <Table.Td>{c.ownerName ?? t('sipas.national')}</Table.Td>
                  <Table.Td>
                    <SipasStatusBadge status={c.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {manager ? (
        <CampaignFormModal
          opened={creating}
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            void navigate(`/sipas/${id}`);
          }}
        />
      ) : null}
    </Stack>
  );
}
