/** The list of users the administrator manages, with search and creation. */
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import type { User, UserGrant } from './api.ts';
import { CreateUserModal } from './CreateUserModal.tsx';
import { useUserList } from './hooks.ts';
import { UserStatus } from './UserStatus.tsx';

/** Users: search, list, create. */
export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('users.title'));
  const mobile = useIsMobile();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useUserList(q);
  const [creating, { open, close }] = useDisclosure(false);
  const users = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  const grantText = (g: UserGrant) =>
    `${t(`roles.${g.role}`)} · ${g.unitName ?? t('users.national')}`;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('users.title')}</Title>
        <Button onClick={open}>{t('users.create')}</Button>
      </Group>
      <TextInput
        label={t('users.searchLabel')}
        placeholder={t('users.searchPlaceholder')}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        autoComplete="off"
      />
      {list.isLoading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : users.length === 0 ? (
        <Alert variant="light" color="gray" role="status">
          {t('users.noResults')}
        </Alert>
      ) : mobile ? (
        <Stack
          gap="xs"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('users.title')}
        >
          {users.map((user) => (
            <Card key={user.id} component="li" withBorder padding="sm">
              <UserLink user={user} />
              <Text size="sm">{user.fullName}</Text>
              {user.grants.map((g) => (
                <Text key={g.id} size="sm" c="dimmed">
                  {grantText(g)}
                </Text>
              ))}
              <UserStatus user={user} />
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label={t('users.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.username')}</Table.Th>
                <Table.Th scope="col">{t('users.fullName')}</Table.Th>
                <Table.Th scope="col">{t('users.roles')}</Table.Th>
                <Table.Th scope="col">{t('users.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>
                    <UserLink user={user} />
                  </Table.Td>
                  <Table.Td>
                    {user.fullName}
                    {user.email ? (
                      <Text size="xs" c="dimmed">
                        {user.email}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {user.grants.length === 0
                      ? t('common.none')
                      : user.grants.map((g) => (
                          <Text key={g.id} size="sm">
                            {grantText(g)}
                          </Text>
                        ))}
                  </Table.Td>
                  <Table.Td>
                    <UserStatus user={user} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {users.length > 0 ? (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('common.shownOfTotal', { shown: users.length, total })}
          </Text>
          {list.hasNextPage ? (
            <Button
              variant="light"
              onClick={() => void list.fetchNextPage()}
              loading={list.isFetchingNextPage}
            >
              {t('common.loadMore')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      <CreateUserModal opened={creating} onClose={close} />
    </Stack>
  );
}

function UserLink({ user }: { user: User }) {
  return (
    <Anchor component={Link} to={`/users/${user.id}`} fw={500}>
      {user.username}
    </Anchor>
  );
}
