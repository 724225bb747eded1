/** Types i18next's `t` against the Vietnamese catalogue, so an unknown key fails to compile. */
import 'i18next';
import type { Catalogue } from './vi.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}
