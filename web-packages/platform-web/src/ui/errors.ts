import i18n, { type TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { usePlatformConfig, type PlatformConfig } from '../auth/PlatformProvider';

type ProblemText = NonNullable<PlatformConfig['problemText']>;

/** Without a host dictionary, the server's own sentence is the most specific there is. */
const serverSentence: ProblemText = (_code, serverText) => serverText || null;

/**
 * A sentence for the user about a failed request, in the UI language where the case is known.
 * `problemText` is the host's wording for the problem codes it knows.
 */
export function errorMessage(error: unknown, t: TFunction, problemText: ProblemText = serverSentence): string {
  if (error instanceof ApiError) {
    switch (error.status) {
      case 0:
        return t('errors.network');
      case 403:
        return t('errors.forbidden');
      case 404:
        return t('errors.notFound');
      case 409:
        return problemText(error.code, error.detail, t, i18n.language) ?? t('errors.conflict');
      case 413:
        return problemText(error.code, error.detail, t, i18n.language) ?? t('errors.tooLarge');
      case 429:
        return t('errors.throttled', { seconds: error.retryAfterSeconds ?? 60 });
      default:
        if (error.status >= 500) return t('errors.server');
        return problemText(error.code, error.detail || error.title, t, i18n.language) ?? t('errors.unknown');
    }
  }
  return t('errors.unknown');
}

/** `errorMessage` with the host app's problem wording, for components under the PlatformProvider. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  const { problemText } = usePlatformConfig();
  return useCallback((error: unknown) => errorMessage(error, t, problemText), [t, problemText]);
}
