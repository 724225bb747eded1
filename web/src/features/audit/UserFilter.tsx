/** Picks the user whose actions to show, searching the accounts an administrator manages. */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchUserSummaries, type UserSummary } from './api.ts';

interface UserFilterProps {
  value: { id: number; name: string } | null;
  onChange: (user: { id: number; name: string } | null) => void;
}

/** A searchable select of users. */
export function UserFilter({ value, onChange }: UserFilterProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.name ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const searching = debounced.length > 0 && debounced !== value?.name;
  const results = useQuery({
    queryKey: ['users', 'filter', debounced],
    queryFn: ({ signal }) => fetchUserSummaries(debounced, signal),
    enabled: searching,
    placeholderData: keepPreviousData,
  });
  const options = useMemo(() => {
    const found: Array<Pick<UserSummary, 'id' | 'username'>> = searching
      ? (results.data?.items ?? [])
      : [];
    const all =
      value && !found.some((u) => u.id === value.id)
        ? [{ id: value.id, username: value.name }, ...found]
        : found;
    return all.map((u) => ({ value: String(u.id), label: u.username }));
  }, [searching, results.data, value]);

  return (
    <Select
      label={t('audit.filterUser')}
      placeholder={t('audit.filterUserPlaceholder')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      value={value ? String(value.id) : null}
      onChange={(id, option) =>
        onChange(id === null || !option ? null : { id: Number(id), name: option.label })
      }
      data={options}
      filter={({ options: all }) => all}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
