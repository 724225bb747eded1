/**
 * What the survey screens share: points and percentages with a decimal comma ("58,25", "82,35 %"),
 * and a table that becomes one card per row on a phone.
 */
import { Card, Stack, Table, Text } from '@mantine/core';
import { formatPoints, formatScaled } from '@domain/scoring/decimal.ts';
import type { ReactNode } from 'react';
import { useIsMobile } from '../../lib/use-is-mobile.ts';

/** 5825 → "58,25"; "—" without a value. */
export const pts = (h: number | null | undefined) =>
  h === null || h === undefined ? '—' : formatPoints(h);

/** A share in hundredths of a percent: 8235 → "82,35 %"; "—" without a value. */
export const pct = (h: number | null | undefined) =>
  h === null || h === undefined ? '—' : `${formatScaled(h, 2)} %`;

/** part / whole as hundredths of a percent, rounded half up (0 for no whole). */
export const shareOf = (part: number, whole: number) =>
  whole <= 0 ? 0 : Math.floor((part * 20000 + whole) / (2 * whole));

export interface Column<R> {
  key: string;
  label: string;
  render: (row: R) => ReactNode;
  /** Shown as the card's title on a phone (the first such column). */
  title?: boolean;
}

/** A table on a wide screen, cards on a phone; `label` names it for assistive technology. */
export function ResponsiveTable<R>({
  label,
  columns,
  rows,
  rowKey,
  rowProps,
  minWidth = 560,
}: {
  label: string;
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R, i: number) => string | number;
  rowProps?: (row: R) => { bg?: string; 'data-short'?: boolean } | undefined;
  minWidth?: number;
}) {
  const mobile = useIsMobile();
  if (mobile) {
    const titleCol = columns.find((c) => c.title);
    return (
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
        {rows.map((row, i) => (
          <Card key={rowKey(row, i)} component="li" withBorder padding="sm" {...rowProps?.(row)}>
            {titleCol ? <Text fw={600}>{titleCol.render(row)}</Text> : null}
            {columns
              .filter((c) => c !== titleCol)
              .map((c) => (
                <Text key={c.key} size="sm" component="div">
                  <Text span size="sm" fw={500}>
                    {c.label}:
                  </Text>{' '}
                  {c.render(row)}
                </Text>
              ))}
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table aria-label={label} striped verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} scope="col">
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => (
            <Table.Tr key={rowKey(row, i)} {...rowProps?.(row)}>
              {columns.map((c) => (
                <Table.Td key={c.key}>{c.render(row)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
