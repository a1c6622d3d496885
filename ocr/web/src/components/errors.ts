import i18n, { type TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { failureText } from '../lib/failure';

/** A sentence for the user about a failed request, in the UI language where the case is known. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    switch (error.status) {
      case 0:
        return t('errors.network');
      case 403:
        return t('errors.forbidden');
      case 404:
        return t('errors.notFound');
      case 409:
        return failureText(error.code, error.detail, t, i18n.language) ?? t('errors.conflict');
      case 413:
        return failureText(error.code, error.detail, t, i18n.language) ?? t('errors.tooLarge');
      case 429:
        return t('errors.throttled', { seconds: error.retryAfterSeconds ?? 60 });
      default:
        if (error.status >= 500) return t('errors.server');
        return failureText(error.code, error.detail || error.title, t, i18n.language) ?? t('errors.unknown');
    }
  }
  return t('errors.unknown');
}
