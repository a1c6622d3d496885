import type { PlatformConfig } from '@toolocr/platform-web';
import type { TFunction } from 'i18next';

/** Problem codes of the incident API that have a sentence of their own. */
const KNOWN = new Set([
  'invalid-transition',
  'possible-duplicate',
  'last-owner',
  'too-many-messages',
  'empty-message',
  'content-too-long',
  'unknown-emoji',
  'message-deleted',
  'validation-failed',
]);

/** What the shared sign-in, session and error code needs to know about this app. */
export const INCIDENT_PLATFORM: PlatformConfig = {
  appName: 'Line Incident Response',
  homePath: '/rooms',
  problemText: (code: string, _server: string, t: TFunction) => (KNOWN.has(code) ? t(`problems.${code}` as never) : null),
};
