/**
 * "Hộp thư đi", the national administrator's outbox (ADR 43): the e-mails kept because no SMTP
 * server is configured, newest first, filtered by recipient; a mail opens in a dialog with its text
 * as it would have left. The filter and the open mail live in the address.
 */
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { formatDateTimeShort } from '@domain/format.ts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import type { OutboxMailSummary } from './api.ts';
import { useOutbox, useOutboxMail } from './hooks.ts';

function positiveInt(value: string | null): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : null;
}

/** The outbox page. */
export function OutboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('outbox.title'));
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const to = params.get('to')?.trim() || undefined;
  const openId = positiveInt(params.get('mail'));
  const [typed, setTyped] = useState(to ?? '');
  const outbox = useOutbox(to);
  const first = outbox.data?.pages[0];
  const mails = outbox.data?.pages.flatMap((p) => p.items) ?? [];

  const setParam = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  const applyFilter = (event: FormEvent) => {
    event.preventDefault();
    setParam({ to: typed.trim() || null });
  };
  const openMail = (id: number) => setParam({ mail: String(id) });

  const opener = (m: OutboxMailSummary) => (
    <Anchor
      component="button"
      type="button"
      ta="left"
      onClick={() => openMail(m.id)}
      aria-label={t('outbox.openMail', { subject: m.subject, to: m.to })}
    >
      {m.subject}
    </Anchor>
  );
  const recipient = (m: OutboxMailSummary) => (
    <>
      <Text size="sm">{m.recipientName ?? m.to}</Text>
      {m.recipientName ? <Text size="xs">{m.to}</Text> : null}
    </>
  );

  return (
    <Stack>
      <div>
        <Title order={2}>{t('outbox.title')}</Title>
        <Text size="sm">{t('outbox.intro')}</Text>
      </div>

      {first ? (
        first.smtpConfigured ? (
          <Alert variant="light" color="blue" title={t('outbox.smtpTitle')}>
            {t('outbox.smtp')}
          </Alert>
        ) : (
          <Alert variant="light" color="yellow" title={t('outbox.noSmtpTitle')} role="note">
            {t('outbox.noSmtp')}
          </Alert>
        )
      ) : null}

      <form onSubmit={applyFilter} aria-label={t('outbox.filter')}>
        <Group align="flex-end">
          <TextInput
            label={t('outbox.filterLabel')}
            placeholder={t('outbox.filterPlaceholder')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            style={{ flex: '1 1 16rem', maxWidth: '28rem' }}
          />
          <Button type="submit">{t('outbox.apply')}</Button>
          {to ? (
            <Button
              variant="subtle"
              onClick={() => {
                setTyped('');
                setParam({ to: null });
              }}
            >
              {t('outbox.clear')}
            </Button>
          ) : null}
        </Group>
      </form>

      {outbox.isLoading ? (
        <LoadingState />
      ) : outbox.error ? (
        <ErrorAlert error={outbox.error} />
      ) : mails.length === 0 ? (
        <Alert variant="light" color="gray" role="status">
          {to ? t('outbox.emptyFiltered', { to }) : t('outbox.empty')}
        </Alert>
      ) : (
        <>
          <Text size="sm" role="status">
            {t('outbox.count', { shown: mails.length, total: first?.total ?? mails.length })}
          </Text>
          {mobile ? (
            <Stack gap="xs">
              {mails.map((m) => (
                <Card withBorder key={m.id} padding="sm">
                  <Text size="xs">{formatDateTimeShort(m.createdAt)}</Text>
                  {recipient(m)}
                  {opener(m)}
                </Card>
              ))}
            </Stack>
          ) : (
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                    {t('outbox.date')}
                  </Table.Th>
                  <Table.Th scope="col">{t('outbox.recipient')}</Table.Th>
                  <Table.Th scope="col">{t('outbox.subject')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {mails.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTimeShort(m.createdAt)}
                    </Table.Td>
                    <Table.Td>{recipient(m)}</Table.Td>
                    <Table.Td>{opener(m)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {outbox.hasNextPage ? (
            <Button
              variant="light"
              style={{ alignSelf: 'center' }}
              onClick={() => void outbox.fetchNextPage()}
              loading={outbox.isFetchingNextPage}
            >
              {t('common.loadMore')}
            </Button>
          ) : null}
        </>
      )}

      <MailDialog id={openId} onClose={() => setParam({ mail: null })} />
    </Stack>
  );
}

/** One mail as it would have left: date, recipient, subject, text. */
function MailDialog({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const mail = useOutboxMail(id);
  const m = mail.data;
  return (
    <Modal
      opened={id !== null}
      onClose={onClose}
      size="lg"
      title={m ? m.subject : t('outbox.open')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {mail.isLoading ? (
        <LoadingState />
      ) : mail.error ? (
        <ErrorAlert error={mail.error} />
      ) : m ? (
        <Stack gap="sm">
          <Table variant="vertical" withTableBorder>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('outbox.date')}</Table.Th>
                <Table.Td>{formatDateTimeShort(m.createdAt)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('outbox.recipient')}</Table.Th>
                <Table.Td>{m.recipientName ? `${m.recipientName} <${m.to}>` : m.to}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('outbox.subject')}</Table.Th>
                <Table.Td>{m.subject}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('outbox.language')}</Table.Th>
                <Table.Td>{t(`outbox.languages.${m.locale}`)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Text size="sm" fw={600}>
            {t('outbox.body')}
          </Text>
          <Text
            component="pre"
            size="sm"
            style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: 0 }}
          >
            {m.text}
          </Text>
          {m.link ? (
            <Anchor component={Link} to={m.link} onClick={onClose}>
              {t('outbox.openPage')}
            </Anchor>
          ) : null}
        </Stack>
      ) : null}
    </Modal>
  );
}
