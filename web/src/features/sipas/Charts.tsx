/**
 * Plain SVG charts of the satisfaction indexes: one bar per element or per field, and the trend of
 * the published index over the survey periods. Every bar and point carries its value as text, so
 * the charts read without colour and screen readers get the same content as a list.
 */
import { Box, Text } from '@mantine/core';
import { formatScaled } from '@domain/scoring/decimal.ts';
import { barPercent, type TrendPoint } from './logic.ts';

const listStyle = { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 6 } as const;

/** One horizontal bar per item: its label, the bar (0–100 %) and the value. */
export function IndexBars({
  title,
  bars,
  target,
}: {
  title: string;
  bars: ReadonlyArray<{
    key: string;
    label: string;
    hundredths: number | null;
    text: string;
    formula: string;
  }>;
  /** A reference line (e.g. the province's target), in hundredths of a percent. */
  target?: { hundredths: number; label: string } | undefined;
}) {
  return (
    <Box component="figure" m={0}>
      <Text component="figcaption" fw={500} mb="xs">
        {title}
      </Text>
      <ul style={listStyle} aria-label={title}>
        {bars.map((bar) => (
          <Box
            key={bar.key}
            component="li"
            title={bar.formula}
            style={{
              display: 'grid',
              gridTemplateColumns: 'minmax(7rem, 14rem) 1fr minmax(4.5rem, max-content)',
              gap: 8,
              alignItems: 'center',
            }}
          >
            <Text size="sm" lineClamp={2}>
              {bar.label}
            </Text>
            <svg
              width="100%"
              height="16"
              viewBox="0 0 100 16"
              preserveAspectRatio="none"
              aria-hidden
            >
              <rect x="0" y="0" width="100" height="16" fill="var(--mantine-color-gray-2)" />
              <rect
                x="0"
                y="0"
                width={barPercent(bar.hundredths)}
                height="16"
                fill={
                  target && bar.hundredths !== null && bar.hundredths >= target.hundredths
                    ? 'var(--mantine-color-green-6)'
                    : 'var(--mantine-color-blue-6)'
                }
              />
              {target ? (
                <line
                  x1={barPercent(target.hundredths)}
                  x2={barPercent(target.hundredths)}
                  y1="0"
                  y2="16"
                  stroke="var(--mantine-color-red-7)"
                  strokeWidth="0.6"
                />
              ) : null}
            </svg>
            <Text size="sm" ta="right" fw={500}>
              {bar.text}
            </Text>
          </Box>
        ))}
      </ul>
      {target ? (
        <Text size="xs" c="dimmed" mt={4}>
          {target.label}
        </Text>
      ) : null}
    </Box>
  );
}

/** The published index per period as a line with labelled points. */
export function TrendChart({
  title,
  points,
  emptyText,
}: {
  title: string;
  points: readonly TrendPoint[];
  emptyText: string;
}) {
  const width = 600;
  const height = 180;
  const pad = { left: 40, right: 20, top: 20, bottom: 36 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const x = (i: number) =>
    pad.left + (points.length <= 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (h: number) => pad.top + innerH - (barPercent(h) / 100) * innerH;
  return (
    <Box component="figure" m={0}>
      <Text component="figcaption" fw={500} mb="xs">
        {title}
      </Text>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={`${title}: ${points.map((p) => `${p.label} ${p.text}`).join('; ')}`}
      >
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v}>
            <line
              x1={pad.left}
              x2={width - pad.right}
              y1={y(v * 100)}
              y2={y(v * 100)}
              stroke="var(--mantine-color-gray-3)"
            />
            <text
              x={pad.left - 6}
              y={y(v * 100) + 4}
              fontSize="11"
              textAnchor="end"
              fill="currentColor"
            >
              {v}
            </text>
          </g>
        ))}
        {points.length > 1 ? (
          <polyline
            fill="none"
            stroke="var(--mantine-color-blue-6)"
            strokeWidth="2"
            points={points.map((p, i) => `${x(i)},${y(p.hundredths ?? 0)}`).join(' ')}
          />
        ) : null}
        {points.map((p, i) => (
          <g key={p.campaignId}>
            <circle cx={x(i)} cy={y(p.hundredths ?? 0)} r="4" fill="var(--mantine-color-blue-7)" />
            <text
              x={x(i)}
              y={y(p.hundredths ?? 0) - 8}
              fontSize="12"
              textAnchor="middle"
              fill="currentColor"
            >
              {p.hundredths === null ? '—' : `${formatScaled(p.hundredths, 2)} %`}
            </text>
            <text x={x(i)} y={height - 12} fontSize="11" textAnchor="middle" fill="currentColor">
              {p.label}
            </text>
          </g>
        ))}
      </svg>
      {points.length < 2 ? (
        <Text size="xs" c="dimmed">
          {emptyText}
        </Text>
      ) : null}
    </Box>
  );
}
