/**
 * Plain SVG charts of the results: points per criterion against the max, and how many units fall
 * in each class. Every chart also carries its numbers as text, for screen readers and print.
 */
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { percentOf, points } from './format.ts';

interface Bar {
  key: string;
  label: string;
  value: number;
  max: number;
}

/** Horizontal bars, score against max, one per criterion. */
export function CriteriaChart({ title, bars }: { title: string; bars: readonly Bar[] }) {
  const { t } = useTranslation();
  const rowHeight = 28;
  const height = bars.length * rowHeight + 8;
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <Text fw={500} size="sm" mb={4}>
          {title}
        </Text>
      </figcaption>
      <svg
        role="img"
        aria-label={title}
        width="100%"
        height={height}
        viewBox={`0 0 100 ${height}`}
        preserveAspectRatio="none"
        style={{ display: 'block' }}
      >
        {bars.map((bar, i) => {
          const y = i * rowHeight + 4;
          const w = percentOf(bar.value, bar.max);
          return (
            <g key={bar.key}>
              <title>{t('campaigns.charts.barTitle', { label: bar.label, score: points(bar.value), max: points(bar.max) })}</title>
              <rect x={0} y={y} width={100} height={rowHeight - 10} fill="var(--mantine-color-gray-2)" />
              <rect
                x={0}
                y={y}
                width={w}
                height={rowHeight - 10}
                fill={w >= 99.99 ? 'var(--mantine-color-green-6)' : 'var(--mantine-color-blue-6)'}
              />
            </g>
          );
        })}
      </svg>
      <Stack gap={2} mt={4}>
        {bars.map((bar) => (
          <Text key={bar.key} size="xs" c="dimmed">
            {t('campaigns.charts.barTitle', { label: bar.label, score: points(bar.value), max: points(bar.max) })}
          </Text>
        ))}
      </Stack>
    </figure>
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
  const rowHeight = 26;
  const height = classes.length * rowHeight + 4;
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <Text fw={500} size="sm" mb={4}>
          {title}
        </Text>
      </figcaption>
      <svg
        role="img"
        aria-label={title}
        width="100%"
        height={height}
        viewBox={`0 0 100 ${height}`}
        preserveAspectRatio="none"
        style={{ display: 'block' }}
      >
        {classes.map((c, i) => (
          <rect
            key={c.label}
            x={0}
            y={i * rowHeight + 4}
            width={Math.max(0.5, (c.count / most) * 100)}
            height={rowHeight - 10}
            fill={`var(--mantine-color-${CLASS_COLORS[i % CLASS_COLORS.length]}-6)`}
          />
        ))}
      </svg>
      <Stack gap={2} mt={4}>
        {classes.map((c) => (
          <Text key={c.label} size="xs">
            {t('campaigns.charts.classLine', { label: c.label, count: c.count, share: c.shareText })}
          </Text>
        ))}
      </Stack>
    </figure>
  );
}
