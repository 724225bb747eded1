/**
 * A searchable unit field: the user types part of a name or code (diacritics optional), the server
 * answers, the user picks one. Shows the parent and whether the unit is still valid, since several
 * units share a name (a commune before and after the 2025 merger).
 */
import { Badge, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../lib/dates.ts';
import { fetchUnits, isExpired, type Unit } from '../lib/units.ts';

/** What the picker needs to show a chosen unit. */
export type PickedUnit = Pick<Unit, 'id' | 'code' | 'name' | 'parentName' | 'validTo'>;

interface UnitPickerProps {
  label: ReactNode;
  value: PickedUnit | null;
  onChange: (unit: PickedUnit | null) => void;
  description?: ReactNode;
  error?: ReactNode;
  placeholder?: string;
  /** Offer only units valid today. */
  currentOnly?: boolean;
  required?: boolean;
  disabled?: boolean;
  /** Units that may not be picked (e.g. the unit itself). */
  excludeIds?: readonly number[];
}

const labelOf = (unit: PickedUnit) => `${unit.name} (${unit.code})`;

/** A combobox that searches units on the server. */
export function UnitPicker({
  label,
  value,
  onChange,
  description,
  error,
  placeholder,
  currentOnly = false,
  required = false,
  disabled = false,
  excludeIds = [],
}: UnitPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value ? labelOf(value) : '');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const searching = debounced.length >= 2 && (value === null || debounced !== labelOf(value));

  const results = useQuery({
    queryKey: ['units', 'picker', debounced, currentOnly],
    queryFn: ({ signal }) => fetchUnits({ q: debounced, current: currentOnly, limit: 20 }, signal),
    enabled: searching,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const options = useMemo(() => {
    const found: PickedUnit[] = searching ? (results.data?.items ?? []) : [];
    const all = value && !found.some((u) => u.id === value.id) ? [value, ...found] : found;
    return all.filter((u) => !excludeIds.includes(u.id));
  }, [searching, results.data, value, excludeIds]);

  const today = todayIso();
  const byValue = new Map(options.map((u) => [String(u.id), u]));

  return (
    <Select
      label={label}
      description={description}
      error={error}
      placeholder={placeholder ?? t('units.pickerPlaceholder')}
      required={required}
      disabled={disabled}
      searchable
      clearable
      // Choosing the chosen unit again keeps it (the clear button empties the field).
      allowDeselect={false}
      searchValue={search}
      onSearchChange={setSearch}
      value={value ? String(value.id) : null}
      onChange={(id) => onChange(id === null ? null : (byValue.get(id) ?? null))}
      data={options.map((u) => ({ value: String(u.id), label: labelOf(u) }))}
      filter={({ options: all }) => all}
      nothingFoundMessage={
        search.trim().length < 2
          ? t('units.pickerTypeMore')
          : results.isFetching
            ? t('common.loading')
            : t('units.pickerNothingFound')
      }
      rightSection={
        results.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined
      }
      renderOption={({ option }) => {
        const unit = byValue.get(option.value);
        if (!unit) return option.label;
        const expired = isExpired(unit, today);
        return (
          <Stack gap={0}>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" c={expired ? 'dimmed' : undefined}>
                {labelOf(unit)}
              </Text>
              {expired ? (
                <Badge size="xs" color="gray" variant="light">
                  {t('units.expiredBadge')}
                </Badge>
              ) : null}
            </Group>
            {unit.parentName ? (
              <Text size="xs" c="dimmed">
                {t('units.pickerParentOf', { name: unit.parentName })}
              </Text>
            ) : null}
          </Stack>
        );
      }}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={320}
    />
  );
}
