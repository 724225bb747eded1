/** Types i18next's `t` against the Vietnamese catalogue, so an unknown key fails to compile. */
import 'i18next';
import type { Catalogue } from './vi.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
    // Keys are checked; the {{variables}} inside each text are not parsed at the type level, which
    // keeps the compiler's work on a large catalogue low. (Pass `TFunction` from i18next, not the
    // hook's inferred type, to helpers: the inferred one can get "excessively deep".)
    parseInterpolation: false;
  }
}
