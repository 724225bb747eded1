/**
 * The units page: search by name or code (with or without diacritics), or browse from the top-level
 * units; optionally only units valid today.
 */
import { Alert, Anchor, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useSession } from '../../lib/session.tsx';
import { useUnitKinds } from '../../lib/units.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useUnitList } from './hooks.ts';
import { UnitList } from './UnitList.tsx';

/** The units the person holds a role on, one link each: where their work starts. */
function OwnUnits() {
  const { t } = useTranslation();
  const session = useSession();
  const own = new Map<number, string>();
  for (const g of session.grants) if (g.unitId !== null) own.set(g.unitId, g.unitName ?? '');
  if (own.size === 0) return null;
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm">{t('units.ownUnits')}</Text>
      {[...own].map(([id, name]) => (
        <Anchor key={id} component={Link} to={`/units/${id}`} size="sm" fw={500}>
          {name}
        </Anchor>
      ))}
    </Group>
  );
}

/** Search and browse units. */
export function UnitsPage() {
  const { t } = useTranslation();
  usePageTitle(t('units.title'));
  const language = useLanguage();
  const { kindName } = useUnitKinds(language);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const current = params.get('current') === '1';
  const [input, setInput] = useState(q);
  // The address changed under us (menu link, Back): show its query in the box.
  const [shownQ, setShownQ] = useState(q);
  if (q !== shownQ) {
    setShownQ(q);
    if (q !== input.trim()) setInput(q);
  }

  const update = (next: { q?: string; current?: boolean }) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (next.q !== undefined) {
          if (next.q) p.set('q', next.q);
          else p.delete('q');
        }
        if (next.current !== undefined) {
          if (next.current) p.set('current', '1');
          else p.delete('current');
        }
        return p;
      },
      { replace: true },
    );

  // Typing searches after a short pause; the query lives in the address so Back returns to it.
  const searchSoon = useDebouncedCallback((text: string) => update({ q: text.trim() }), 300);

  const searching = q.length > 0;
  const list = useUnitList(searching ? { q, current } : { parentId: 'root', current });
  const units = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const heading = searching ? t('units.searchResultsTitle') : t('units.rootsTitle');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    searchSoon.cancel();
    update({ q: input.trim() });
  };

  return (
    <Stack>
      <Title order={2}>{t('units.title')}</Title>
      <OwnUnits />
      <form onSubmit={submit} role="search">
        <Stack gap="sm">
          <TextInput
            label={t('units.searchLabel')}
            placeholder={t('units.searchPlaceholder')}
            type="search"
            value={input}
            onChange={(e) => {
              setInput(e.currentTarget.value);
              searchSoon(e.currentTarget.value);
            }}
            autoComplete="off"
            spellCheck={false}
          />
          <Switch
            label={t('units.currentOnly')}
            checked={current}
            onChange={(e) => update({ current: e.currentTarget.checked })}
          />
        </Stack>
      </form>
      <Title order={3} size="h4">
        {heading}
      </Title>
      {list.isLoading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : units.length === 0 ? (
        <Alert variant="light" color="gray" role="status">
          {t('units.noResults')}
        </Alert>
      ) : (
        <UnitList
          units={units}
          total={total}
          kindName={kindName}
          caption={heading}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
          linkSearch={current ? '?current=1' : ''}
        />
      )}
    </Stack>
  );
}
