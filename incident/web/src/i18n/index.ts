import { initI18n } from '@toolocr/platform-web';
import { en } from './en';
import { zhTW } from './zh-TW';

/** The incident app's strings over the shared ones, in the language the user chose last time. */
const i18n = initI18n({ storageKey: 'incident.language', messages: { en, 'zh-TW': zhTW } });

export default i18n;
