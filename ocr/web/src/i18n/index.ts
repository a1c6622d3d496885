import 'dayjs/locale/zh-tw';
import dayjs from 'dayjs';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhTW } from './zh-TW';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-TW', label: '繁體中文' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'tool-ocr.language';

/** A stored choice wins; otherwise any Chinese browser language picks zh-TW, everything else English. */
export function initialLanguage(stored: string | null, browserLanguages: readonly string[]): LanguageCode {
  if (stored === 'en' || stored === 'zh-TW') {
    return stored;
  }
  return browserLanguages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-TW' : 'en';
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function applyDocumentLanguage(code: string) {
  document.documentElement.lang = code;
  dayjs.locale(code === 'zh-TW' ? 'zh-tw' : 'en');
}

export function setLanguage(code: LanguageCode) {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  void i18n.changeLanguage(code);
}

const language = initialLanguage(
  storedLanguage(),
  typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]),
);

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-TW': { translation: zhTW } },
  lng: language,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});
applyDocumentLanguage(language);
i18n.on('languageChanged', applyDocumentLanguage);

export default i18n;
