/**
 * Plain SVG charts of the results: points per criterion against the max, and how many units fall
 * in each class. Each row carries its numbers as text beside the bar, so the chart reads without
 * colour and screen readers get the same content.
 */
import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { percentOf, points } from './format.ts';

function BarRow({
  label,
  title,
  percent,
  color,
  value,
}: {
  label: string;
  title: string;
  percent: number;
  color: string;
  value: string;
}) {
  return (
    <Box
      component="li"
      title={title}
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(3.5rem, max-content) 1fr minmax(6rem, max-content)',
        gap: 8,
        alignItems: 'center',
      }}
    >
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <svg width="100%" height="14" viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden>
        <rect x="0" y="0" width="100" height="14" fill="var(--mantine-color-gray-2)" />
        <rect x="0" y="0" width={percent} height="14" fill={color} />
      </svg>
      <Text size="sm" ta="right">
        {value}
      </Text>
    </Box>
  );
}

const listStyle = { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 6 } as const;

/** Score against max, one bar per criterion. */
export function CriteriaChart({
  title,
  bars,
}: {
  title: string;
  bars: ReadonlyArray<{
    code: string;
    title: string;
    score: number;
    max: number;
    adjustmentText?: string | null;
  }>;
}) {
  const { t } = useTranslation();
  return (
    <Box component="figure" m={0}>
      <Text component="figcaption" fw={500} mb="xs">
        {title}
      </Text>
      <ul style={listStyle} aria-label={title}>
        {bars.map((bar) => {
          const percent = percentOf(bar.score, bar.max);
          return (
            <BarRow
              key={bar.code}
              label={t('campaigns.charts.criterion', { code: bar.code })}
              title={bar.title}
              percent={percent}
              color={
                percent >= 99.99 ? 'var(--mantine-color-green-6)' : 'var(--mantine-color-blue-6)'
              }
              value={
                bar.adjustmentText
                  ? `${points(bar.score)} / ${points(bar.max)} (${bar.adjustmentText})`
                  : `${points(bar.score)} / ${points(bar.max)}`
              }
            />
          );
        })}
      </ul>
    </Box>
  );
}

const CLASS_COLORS = ['green', 'blue', 'yellow', 'red', 'grape', 'cyan'];

/** One bar per class: count and share of the units. */
export function ClassChart({
  title,
  classes,
}: {
  title: string;
  classes: ReadonlyArray<{ label: string; count: number; shareText: string }>;
}) {
  const { t } = useTranslation();
  const most = Math.max(1, ...classes.map((c) => c.count));
  return (
    <Box component="figure" m={0}>
      <Text component="figcaption" fw={500} mb="xs">
        {title}
      </Text>
      <ul style={listStyle} aria-label={title}>
        {classes.map((c, i) => (
          <BarRow
            key={c.label}
            label={c.label}
            title={c.label}
            percent={(c.count / most) * 100}
            color={`var(--mantine-color-${CLASS_COLORS[i % CLASS_COLORS.length]}-6)`}
            value={t('campaigns.charts.classValue', { count: c.count, share: c.shareText })}
          />
        ))}
      </ul>
    </Box>
  );
}
