/**
 * Small pieces shared by the SIPAS screens: the campaign's status badge, its period in words, an
 * index with its formula written under it, and the links between a campaign's pages.
 */
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { formatDateInWords, formatDateShort } from '@domain/format.ts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useLanguage } from '../../lib/use-language.ts';
import type { IndexResult } from './api.ts';

const STATUS_COLORS: Record<string, string> = { setup: 'gray', open: 'green', closed: 'blue' };

/** Set-up, open or closed. */
export function SipasStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = status === 'setup' || status === 'open' || status === 'closed';
  return (
    <Badge
      color={STATUS_COLORS[status] ?? 'gray'}
      variant="light"
      style={{ textTransform: 'none' }}
    >
      {known ? t(`sipas.status.${status}`) : status}
    </Badge>
  );
}

/** "từ ngày 01 tháng 01 năm 2022 đến ngày 31 tháng 12 năm 2022" (numeric dates in English). */
export function usePeriodText(): (start: string, end: string) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  const date = (d: string) => (language === 'vi' ? formatDateInWords(d) : formatDateShort(d));
  return (start, end) => t('sipas.period', { start: date(start), end: date(end) });
}

/** A number in large type with the formula that produced it underneath. */
export function IndexFigure({
  label,
  index,
  size = 'xl',
  testId,
}: {
  label: string;
  index: IndexResult;
  size?: 'xl' | 'lg' | 'md';
  testId?: string;
}) {
  return (
    <Stack gap={2} data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size={size} fw={700}>
        {index.text}
      </Text>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {index.formula}
      </Text>
    </Stack>
  );
}

/** Breadcrumbs back to the list and the campaign (they wrap, long names included, on a phone). */
export function SipasCrumbs({ id, name, here }: { id?: number; name?: string; here?: string }) {
  const { t } = useTranslation();
  const sep = (
    <Text span size="sm" c="dimmed" aria-hidden>
      ›
    </Text>
  );
  return (
    <Group gap={4} component="nav" aria-label={t('sipas.links.crumbs')} wrap="wrap">
      <Anchor component={Link} to="/sipas" size="sm">
        {t('sipas.title')}
      </Anchor>
      {id !== undefined && name ? (
        <>
          {sep}
          <Anchor component={Link} to={`/sipas/${id}`} size="sm">
            {name}
          </Anchor>
        </>
      ) : null}
      {here ? (
        <>
          {sep}
          <Text size="sm">{here}</Text>
        </>
      ) : null}
    </Group>
  );
}

/** Links between the pages of one campaign. */
export function CampaignLinks({
  id,
  channels,
  canManage,
}: {
  id: number;
  channels: readonly string[];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const links = [
    { to: `/sipas/${id}`, label: t('sipas.links.overview'), shown: true },
    { to: `/sipas/${id}/indexes`, label: t('sipas.links.indexes'), shown: true },
    { to: `/sipas/${id}/paper`, label: t('sipas.links.paper'), shown: channels.includes('paper') },
    {
      to: `/sipas/${id}/import`,
      label: t('sipas.links.import'),
      shown: canManage && channels.includes('import'),
    },
  ].filter((l) => l.shown);
  return (
    <Group gap="md" component="nav" aria-label={t('sipas.links.label')} wrap="wrap">
      {links.map((l) => (
        <Anchor
          key={l.to}
          component={Link}
          to={l.to}
          fw={pathname === l.to ? 700 : 400}
          aria-current={pathname === l.to ? 'page' : undefined}
        >
          {l.label}
        </Anchor>
      ))}
    </Group>
  );
}
