import type { TFunction } from 'i18next';
import { en } from '../../i18n/en';

/**
 * The server words its failures in English, with codes that stay stable (a task's `error_code`, a
 * problem's type slug). English readers get the server's own sentence, which is the most specific
 * (it names the page or the limit); other languages get a translated sentence for the code.
 */
export function failureText(
  code: string | null | undefined,
  serverText: string | null | undefined,
  t: TFunction,
  language: string,
): string | null {
  const key = code ? code.replace(/-/g, '_') : null;
  const known = key !== null && isFailureKey(key) ? key : null;
  if (serverText && (readsServerLanguage(language) || known === null)) {
    return serverText;
  }
  return known === null ? null : t(`failure.${known}`);
}

/** Whether a reader of this UI language reads the server's own (English) sentences as they are. */
export function readsServerLanguage(language: string): boolean {
  return language.startsWith('en');
}

type FailureKey = keyof typeof en.failure;

function isFailureKey(key: string): key is FailureKey {
  return Object.prototype.hasOwnProperty.call(en.failure, key);
}
