import { initI18n } from '../i18n/setup';

// This package's own tests run with the shared strings only, as a host without extra strings would.
initI18n({ storageKey: 'platform-web.test.language', messages: { en: {}, 'zh-TW': {} } });
