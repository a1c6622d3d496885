import { errorMessage as platformErrorMessage } from '@toolocr/platform-web';
import type { TFunction } from 'i18next';
import { failureText } from './failure';

/**
 * A sentence for the user about a failed request, in the UI language where the case is known: the
 * shared wording by status, with Tool_OCR's sentences for the failure codes it knows.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  return platformErrorMessage(error, t, failureText);
}
