import 'i18next';
import type { platformEn } from '../src/i18n/messages';

// This package's own type check and tests know only the shared strings. A host app declares its
// resources as `typeof platformEn & typeof its own` in its own i18next.d.ts instead (this file is
// not part of the host's compilation).
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof platformEn };
    returnNull: false;
  }
}
