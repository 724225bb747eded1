/**
 * "Việc cần làm", the page after sign-in: what is waiting for this person now, overdue first then
 * by deadline, each item a link to the page where it is done. Grouped by role when the person holds
 * several. An enumerator also gets the field app's address and a QR code to open it on a phone.
 */
import { Alert, Anchor, Badge, Card, Group, Image, Stack, Text, Title } from '@mantine/core';
import type { Role } from '@domain/access.ts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDateTime, formatDay } from '../../lib/dates.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useMyTasks, type MyTasks, type TaskItem } from './api.ts';

/** The sentence of an item, in the reader's language. */
function useTaskText() {
  const { t } = useTranslation();
  return (item: TaskItem): string => {
    const params = { ...item.figures, unit: item.unitName ?? '', subject: item.subject };
    if (item.kind === 'health')
      return t('home.task.health', {
        ...params,
        storage: item.figures.storageOk ? t('home.task.storageOk') : t('home.task.storageDown'),
      });
    return t(`home.task.${item.kind}`, params);
  };
}

function dueText(due: string, language: 'vi' | 'en'): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(due) ? formatDay(due) : formatDateTime(due, language);
}

function TaskCard({ item }: { item: TaskItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = useTaskText();
  // The subject names the campaign, plan or survey; a plan task's subject is the task itself.
  const secondary = item.subject;
  return (
    <Card component="li" withBorder padding="sm">
      <Anchor component={Link} to={item.link} fw={500}>
        {text(item)}
      </Anchor>
      {secondary ? (
        <Text size="sm" mt={2}>
          {secondary}
        </Text>
      ) : null}
      <Group gap="xs" mt={4}>
        {item.overdue ? (
          <Badge color="red" variant="filled">
            {t('home.overdue')}
          </Badge>
        ) : null}
        <Text size="sm">
          {item.due ? t('home.due', { date: dueText(item.due, language) }) : t('home.noDue')}
        </Text>
      </Group>
    </Card>
  );
}

function TaskList({ items, label }: { items: TaskItem[]; label: string }) {
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {items.map((item, i) => (
        <TaskCard key={`${item.kind}:${item.link}:${i}`} item={item} />
      ))}
    </Stack>
  );
}

function FieldApp({ fieldApp }: { fieldApp: NonNullable<MyTasks['fieldApp']> }) {
  const { t } = useTranslation();
  const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(fieldApp.qrSvg)}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="field-app-title">
      <Group align="flex-start" wrap="wrap" gap="lg">
        <Image src={qr} w={180} h={180} alt={t('home.fieldApp.qr', { url: fieldApp.url })} />
        <Stack gap="xs" maw={480}>
          <Title order={3} size="h4" id="field-app-title">
            {t('home.fieldApp.title')}
          </Title>
          <Text size="sm">{t('home.fieldApp.text')}</Text>
          {/* The field app is a page of its own, outside this app's router. */}
          <Anchor href={fieldApp.url} fw={500}>
            {t('home.fieldApp.open')}
          </Anchor>
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            {fieldApp.url}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

/** The home page. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const tasks = useMyTasks();
  const data = tasks.data;
  const roles: Role[] = data ? data.roles.filter((r) => data.items.some((i) => i.role === r)) : [];

  return (
    <Stack>
      <Title order={2}>{t('home.title')}</Title>
      <Text>{t('home.intro')}</Text>
      {tasks.isLoading ? (
        <LoadingState />
      ) : tasks.error ? (
        <ErrorAlert error={tasks.error} />
      ) : data ? (
        <>
          {data.items.length === 0 ? (
            <Alert color="gray" variant="light" role="status">
              {t('home.empty')}
            </Alert>
          ) : roles.length > 1 ? (
            roles.map((role) => (
              <Stack key={role} gap="xs" component="section" aria-labelledby={`tasks-${role}`}>
                <Title order={3} size="h4" id={`tasks-${role}`}>
                  {t('home.asRole', { role: t(`roles.${role}`) })}
                </Title>
                <TaskList
                  items={data.items.filter((i) => i.role === role)}
                  label={t('home.asRole', { role: t(`roles.${role}`) })}
                />
              </Stack>
            ))
          ) : (
            <TaskList items={data.items} label={t('home.list')} />
          )}
          {data.fieldApp ? <FieldApp fieldApp={data.fieldApp} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
