/**
 * A date typed and shown as dd/mm/yyyy whatever the browser's language (the browser's own date
 * input showed mm/dd/yyyy on English systems), with a calendar in the user's language beside it.
 * The value is an ISO date (YYYY-MM-DD) or '' when empty.
 */
import {
  ActionIcon,
  Group,
  Popover,
  TextInput,
  UnstyledButton,
  type TextInputProps,
} from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, monthWeeks, parseDay, vietnamDay } from '../lib/dates.ts';

export interface DateFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'type'> {
  /** ISO date, or '' when none. */
  value: string;
  onChange: (isoDate: string) => void;
}

function CalendarIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}

/** A dd/mm/yyyy text field with a calendar. */
export function DateField({ value, onChange, error, ...props }: DateFieldProps) {
  const { t } = useTranslation();
  const iso = value ? value.slice(0, 10) : '';
  const [text, setText] = useState(iso ? formatDay(iso) : '');
  const [invalid, setInvalid] = useState(false);
  const [opened, setOpened] = useState(false);
  const shown = iso || vietnamDay();
  const [month, setMonth] = useState({
    y: Number(shown.slice(0, 4)),
    m: Number(shown.slice(5, 7)),
  });
  const input = useRef<HTMLInputElement>(null);
  const gridId = useId();

  // A value set from outside (a loaded record, a reset) replaces what was typed.
  useEffect(() => {
    setText((current) =>
      parseDay(current) === (iso || null) ? current : iso ? formatDay(iso) : '',
    );
    if (iso) setInvalid(false);
  }, [iso]);

  const type = (next: string) => {
    setText(next);
    const parsed = parseDay(next);
    if (parsed) {
      setInvalid(false);
      onChange(parsed);
    } else if (next.trim() === '') {
      setInvalid(false);
      onChange('');
    }
  };

  const pick = (day: string) => {
    setText(formatDay(day));
    setInvalid(false);
    onChange(day);
    setOpened(false);
    input.current?.focus();
  };

  const openCalendar = () => {
    const base = iso || vietnamDay();
    setMonth({ y: Number(base.slice(0, 4)), m: Number(base.slice(5, 7)) });
    setOpened((o) => !o);
  };

  const step = (delta: number) =>
    setMonth(({ y, m }) => {
      const index = y * 12 + (m - 1) + delta;
      return { y: Math.floor(index / 12), m: (index % 12) + 1 };
    });

  const today = vietnamDay();
  const weekdays = t('common.weekdays').split(',');
  const weekdaysLong = t('common.weekdaysLong').split(',');

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-start"
      shadow="md"
      trapFocus
      // The calendar button names what it opens; the dialog keeps its own name ("Lịch") rather
      // than being labelled by the text field.
      withRoles={false}
    >
      <Popover.Target>
        <TextInput
          {...props}
          ref={input}
          inputMode="numeric"
          autoComplete="off"
          placeholder={props.placeholder ?? t('common.dateFormat')}
          value={text}
          onChange={(e) => type(e.currentTarget.value)}
          onBlur={(e) => {
            const current = e.currentTarget.value;
            setInvalid(current.trim() !== '' && parseDay(current) === null);
            props.onBlur?.(e);
          }}
          error={invalid ? t('common.dateInvalid') : error}
          rightSection={
            <ActionIcon
              variant="subtle"
              onClick={openCalendar}
              aria-label={
                typeof props.label === 'string'
                  ? `${t('common.datePick')}: ${props.label}`
                  : t('common.datePick')
              }
              aria-haspopup="dialog"
              aria-expanded={opened}
              aria-controls={opened ? gridId : undefined}
              disabled={props.disabled}
            >
              <CalendarIcon />
            </ActionIcon>
          }
        />
      </Popover.Target>
      <Popover.Dropdown p="xs" role="dialog" id={gridId} aria-label={t('common.calendar')}>
        <Group justify="space-between" mb={4} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            onClick={() => step(-1)}
            aria-label={t('common.previousMonth')}
          >
            ‹
          </ActionIcon>
          <span aria-live="polite" style={{ fontWeight: 600 }}>
            {t('common.monthYear', { month: month.m, year: month.y })}
          </span>
          <ActionIcon variant="subtle" onClick={() => step(1)} aria-label={t('common.nextMonth')}>
            ›
          </ActionIcon>
        </Group>
        <table className="date-field-grid">
          <thead>
            <tr>
              {weekdays.map((d, i) => (
                <th key={d} scope="col" abbr={weekdaysLong[i]}>
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthWeeks(month.y, month.m).map((week, w) => (
              <tr key={w}>
                {week.map((day, i) => (
                  <td key={day ?? `empty-${i}`}>
                    {day ? (
                      <UnstyledButton
                        className="date-field-day"
                        data-selected={day === iso || undefined}
                        data-today={day === today || undefined}
                        aria-pressed={day === iso}
                        aria-label={
                          day === today
                            ? `${formatDay(day)} (${t('common.today')})`
                            : formatDay(day)
                        }
                        onClick={() => pick(day)}
                      >
                        {Number(day.slice(8, 10))}
                      </UnstyledButton>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Popover.Dropdown>
    </Popover>
  );
}
