import 'dayjs/locale/zh-tw';
import dayjs from 'dayjs';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { platformEn, platformZhTW } from './messages';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-TW', label: '繁體中文' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

/** Nested string tables, as i18next keeps them. */
export type Messages = { [key: string]: string | Messages };

let storageKey = 'platform.language';

/** A stored choice wins; otherwise any Chinese browser language picks zh-TW, everything else English. */
export function initialLanguage(stored: string | null, browserLanguages: readonly string[]): LanguageCode {
  if (stored === 'en' || stored === 'zh-TW') {
    return stored;
  }
  return browserLanguages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-TW' : 'en';
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

function applyDocumentLanguage(code: string) {
  document.documentElement.lang = code;
  dayjs.locale(code === 'zh-TW' ? 'zh-tw' : 'en');
}

/** Switches the UI language and remembers the choice for the next visit. */
export function setLanguage(code: LanguageCode) {
  try {
    localStorage.setItem(storageKey, code);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  void i18n.changeLanguage(code);
}

/** `extra` laid over `base`, group by group; a string in `extra` replaces the one in `base`. */
export function mergeMessages(base: Messages, extra: Messages): Messages {
  const merged: Messages = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const under = merged[key];
    merged[key] = typeof value !== 'string' && under !== undefined && typeof under !== 'string' ? mergeMessages(under, value) : value;
  }
  return merged;
}

export interface I18nOptions {
  /** The localStorage key that remembers this app's language choice, e.g. `tool-ocr.language`. */
  storageKey: string;
  /** The app's own strings per language, laid over the shared ones (which they may replace). */
  messages: Record<LanguageCode, Messages>;
}

/**
 * Starts i18next (one instance per page, shared by the app and this package) in the remembered or
 * the browser's language, with the shared strings under the app's. Call once, before rendering.
 */
export function initI18n(options: I18nOptions) {
  storageKey = options.storageKey;
  const language = initialLanguage(
    storedLanguage(),
    typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]),
  );
  void i18n.use(initReactI18next).init({
    resources: {
      en: { translation: mergeMessages(platformEn, options.messages.en) },
      'zh-TW': { translation: mergeMessages(platformZhTW, options.messages['zh-TW']) },
    },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  applyDocumentLanguage(language);
  i18n.on('languageChanged', applyDocumentLanguage);
  return i18n;
}
