/**
 * Plain SVG charts of the dossier screens: one small bar chart per rate over the quarters, with
 * the target drawn as a dashed line, and a bar per class of units. Every bar carries its number as
 * text, so the charts read without colour and screen readers get the same content.
 */
import { Box, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RateKey, RatesHistory } from './api.ts';
import { quarterLabel } from './shared.tsx';

const CHART_RATES: readonly RateKey[] = [
  'on-time-or-early',
  'online-full',
  'online-partial',
  'online-payment',
  'postal-dossiers',
];

function RateOverQuarters({ history, rate }: { history: RatesHistory; rate: RateKey }) {
  const { t } = useTranslation();
  const title = t(`dossiers.rates.${rate}`);
  const items = history.items.map((i) => ({ period: i.period, r: i.rates[rate] }));
  const target = items.find((i) => i.r.target)?.r.target?.minPercent ?? null;
  const width = 60 * items.length;
  const height = 120;
  const y = (percentHundredths: number) => height - (percentHundredths / 10000) * (height - 14);
  return (
    <Box component="figure" m={0}>
      <Text component="figcaption" fw={500} size="sm" mb={4}>
        {title}
        {target !== null ? ` (${items[0]?.r.target?.text ?? ''})` : ''}
      </Text>
      <svg
        width="100%"
        viewBox={`0 0 ${width} ${height + 28}`}
        role="img"
        aria-label={`${title}: ${items
          .map(
            (i) =>
              `${quarterLabel(t, i.period)} ${i.r.percent === null ? t('dossiers.quarter.noData') : i.r.text}`,
          )
          .join('; ')}`}
      >
        <line x1="0" x2={width} y1={height} y2={height} stroke="var(--mantine-color-gray-5)" />
        {items.map((i, n) => {
          const x = n * 60 + 14;
          const p = i.r.percent;
          return (
            <g key={i.period}>
              {p === null ? (
                <text
                  x={x + 16}
                  y={height - 4}
                  fontSize="10"
                  textAnchor="middle"
                  fill="var(--mantine-color-gray-6)"
                >
                  —
                </text>
              ) : (
                <>
                  <rect
                    x={x}
                    y={y(p)}
                    width="32"
                    height={height - y(p)}
                    fill={
                      i.r.target?.met === false
                        ? 'var(--mantine-color-orange-6)'
                        : 'var(--mantine-color-blue-6)'
                    }
                  />
                  <text x={x + 16} y={y(p) - 3} fontSize="10" textAnchor="middle">
                    {i.r.text}
                  </text>
                </>
              )}
              <text x={x + 16} y={height + 14} fontSize="10" textAnchor="middle">
                {i.period.replace('-', ' ')}
              </text>
            </g>
          );
        })}
        {target !== null ? (
          <line
            x1="0"
            x2={width}
            y1={y(target)}
            y2={y(target)}
            stroke="var(--mantine-color-red-6)"
            strokeDasharray="4 3"
          />
        ) : null}
      </svg>
    </Box>
  );
}

/** The area's rates over the quarters, one small chart per rate. */
export function RatesCharts({ history }: { history: RatesHistory }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      {CHART_RATES.map((rate) => (
        <RateOverQuarters key={rate} history={history} rate={rate} />
      ))}
    </SimpleGrid>
  );
}

const listStyle = { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 6 } as const;
const COLORS = ['green', 'blue', 'yellow', 'orange', 'red'];

/** One bar per class (then the two states): how many units. */
export function ClassCountChart({
  title,
  counts,
  bandLabels,
}: {
  title: string;
  counts: ReadonlyArray<{ label: string; count: number }>;
  bandLabels: readonly string[];
}) {
  const most = Math.max(1, ...counts.map((c) => c.count));
  return (
    <Box component="figure" m={0}>
      <Text component="figcaption" fw={500} mb="xs">
        {title}
      </Text>
      <ul style={listStyle} aria-label={title}>
        {counts.map((c) => {
          const i = bandLabels.indexOf(c.label);
          return (
            <Box
              component="li"
              key={c.label}
              style={{
                display: 'grid',
                gridTemplateColumns: 'minmax(9rem, max-content) 1fr 3rem',
                gap: 8,
                alignItems: 'center',
              }}
            >
              <Text size="sm" fw={500}>
                {c.label}
              </Text>
              <svg
                width="100%"
                height="14"
                viewBox="0 0 100 14"
                preserveAspectRatio="none"
                aria-hidden
              >
                <rect x="0" y="0" width="100" height="14" fill="var(--mantine-color-gray-2)" />
                <rect
                  x="0"
                  y="0"
                  width={(c.count / most) * 100}
                  height="14"
                  fill={`var(--mantine-color-${i < 0 ? 'gray' : (COLORS[i] ?? 'gray')}-6)`}
                />
              </svg>
              <Text size="sm" ta="right">
                {c.count}
              </Text>
            </Box>
          );
        })}
      </ul>
    </Box>
  );
}
