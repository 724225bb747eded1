/**
 * The Mantine theme: system fonts that carry every Vietnamese diacritic, a sober blue, and colours
 * that stay readable. Mantine's light scheme writes text in shade 6 of a colour (links, outline
 * badges, filled buttons under white text) and greys in gray 6, which fall short of the 4.5:1
 * contrast WCAG asks of normal text; `cssVariablesResolver` picks, for every colour of the theme,
 * the lightest shade that reaches it on the background it is written on.
 */
import {
  Badge,
  createTheme,
  TableScrollContainer,
  darken,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

/** WCAG's relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG's contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Normal text needs 4.5:1; a little more leaves room for anti-aliasing. */
const READABLE = 4.6;

/** `#rgb`/`rgb(…)` from Mantine's `darken` back to #rrggbb. */
function toHex(color: string): string {
  if (color.startsWith('#')) return color.length === 4 ? color.replace(/\w/g, (c) => c + c) : color;
  const [r, g, b] = (color.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return `#${[r, g, b]
    .map((v) =>
      Math.round(v ?? 0)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** The lightest shade of `tuple`, from `from` on, readable on `background`; else darker still. */
export function readableShade(tuple: MantineColorsTuple, background: string, from = 6): string {
  for (let i = from; i < tuple.length; i++) {
    const shade = toHex(tuple[i]!);
    if (contrast(shade, background) >= READABLE) return shade;
  }
  let shade = toHex(tuple[9]);
  for (let step = 0; step < 20 && contrast(shade, background) < READABLE; step++) {
    shade = toHex(darken(shade, 0.05));
  }
  return shade;
}

export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
  defaultRadius: 'sm',
  components: {
    // Capitals stacked with Vietnamese diacritics at badge size are hard to read; a badge is
    // never smaller than 12 px, and a long state wraps instead of being cut ("Thẩm địn…").
    Badge: Badge.extend({
      styles: {
        root: {
          textTransform: 'none',
          fontSize: 'max(var(--badge-fz), 0.75rem)',
          height: 'auto',
          minHeight: 'var(--badge-height)',
          maxWidth: '100%',
        },
        label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.3 },
      },
    }),
    // A table wider than the screen scrolls in a plain box that the keyboard can reach (and
    // scroll with the arrow keys); app.css shades the edge that hides more columns.
    TableScrollContainer: TableScrollContainer.extend({
      defaultProps: { type: 'native', tabIndex: 0 },
    }),
  },
});

/**
 * Light-scheme colour variables readable on their backgrounds: text and outlines on white, filled
 * backgrounds under white text, light-variant text on the colour's light background, links, and
 * dimmed text (also on the grey of striped rows).
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const white = toHex(t.white);
  const light: Record<string, string> = {};
  for (const [name, tuple] of Object.entries(t.colors)) {
    const onWhite = readableShade(tuple, white);
    light[`--mantine-color-${name}-filled`] = onWhite;
    light[`--mantine-color-${name}-filled-hover`] = toHex(darken(onWhite, 0.1));
    light[`--mantine-color-${name}-outline`] = onWhite;
    light[`--mantine-color-${name}-text`] = onWhite;
    light[`--mantine-color-${name}-light-color`] = readableShade(tuple, toHex(tuple[1]), 7);
  }
  const gray = t.colors.gray;
  light['--mantine-color-anchor'] = readableShade(t.colors[t.primaryColor]!, white);
  light['--mantine-color-dimmed'] = readableShade(gray, toHex(gray[1]));
  // A file field's "Chọn tệp…" is drawn as text, not as an input's placeholder: readable too.
  light['--mantine-color-placeholder'] = readableShade(gray, white);
  return { variables: {}, light, dark: {} };
};
