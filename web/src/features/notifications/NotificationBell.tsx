/**
 * The bell in the header: how many notices are unread, and a list of the latest ones. Opening one
 * marks it read and goes to its page; "mark all read" clears the count.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../lib/dates.ts';
import { useLanguage } from '../../lib/use-language.ts';
import type { Notification } from './api.ts';
import { useMarkAllRead, useMarkRead, useNotifications } from './hooks.ts';

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path
        d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9Zm4.3 13a1.94 1.94 0 0 0 3.4 0"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function NotificationBell() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);
  const list = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const open = (n: Notification) => {
    if (!n.read) markRead.mutate(n.id);
    close();
    void navigate(n.link);
  };

  return (
    <Popover
      opened={opened}
      onChange={(o) => (o ? undefined : close())}
      position="bottom-end"
      width={360}
      shadow="md"
      withinPortal
      // The button says itself that it opens the dialog (aria-expanded, aria-haspopup), and the
      // dialog keeps its own name instead of being labelled by the button's unread count.
      withRoles={false}
    >
      {/* The popover's target is the button itself, not the indicator's box around it, where
          aria-expanded means nothing. */}
      <Indicator
        label={unread > 99 ? '99+' : unread}
        size={18}
        color="red"
        disabled={unread === 0}
        offset={4}
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            size="lg"
            onClick={() => {
              // Opening the bell shows what is new now, not what the last minute's poll saw.
              if (!opened) void list.refetch();
              toggle();
            }}
            aria-label={
              unread > 0
                ? t('notifications.bellUnread', { count: unread })
                : t('notifications.bell')
            }
            aria-expanded={opened}
            aria-haspopup="dialog"
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0} role="dialog" aria-label={t('notifications.title')}>
        <Group justify="space-between" px="sm" py="xs" wrap="nowrap">
          <Text fw={600}>{t('notifications.title')}</Text>
          <Button
            variant="subtle"
            size="compact-xs"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <ScrollArea.Autosize mah="min(70vh, 480px)" type="auto">
          {list.isError ? (
            <Text size="sm" c="red" px="sm" pb="sm">
              {list.error.message}
            </Text>
          ) : items.length === 0 ? (
            <Text size="sm" c="dimmed" px="sm" pb="sm">
              {list.isLoading ? t('common.loading') : t('notifications.empty')}
            </Text>
          ) : (
            <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((n) => (
                <li key={n.id}>
                  <UnstyledButton
                    onClick={() => open(n)}
                    px="sm"
                    py="xs"
                    w="100%"
                    style={{
                      borderTop: '1px solid var(--mantine-color-gray-2)',
                      background: n.read ? undefined : 'var(--mantine-color-blue-0)',
                    }}
                  >
                    <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
                      <Text size="sm" fw={n.read ? 400 : 600}>
                        {n.title}
                      </Text>
                      {!n.read && (
                        <Badge size="xs" variant="filled" color="blue">
                          {t('notifications.new')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed" mt={2}>
                      {n.text}
                    </Text>
                    <Text size="xs" c="dimmed" mt={2}>
                      {formatDateTime(n.createdAt, language)}
                    </Text>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
