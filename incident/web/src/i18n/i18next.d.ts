import 'i18next';
import type { platformEn } from '@toolocr/platform-web';
import type { en } from './en';

// Keys passed to t() are checked at compile time against the English strings: the shared ones and
// the incident app's own, merged as initI18n merges them.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof platformEn & typeof en };
    returnNull: false;
  }
}
