/** The Mantine theme: system fonts that carry every Vietnamese diacritic, a sober blue. */
import { Badge, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
  defaultRadius: 'sm',
  components: {
    // Capitals stacked with Vietnamese diacritics at badge size are hard to read.
    Badge: Badge.extend({ styles: { root: { textTransform: 'none' } } }),
  },
});
