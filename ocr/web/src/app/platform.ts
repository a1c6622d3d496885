import type { PlatformConfig } from '@toolocr/platform-web';
import { failureText } from '../shared/lib/failure';

/** What the shared sign-in, session and error code needs to know about Tool_OCR. */
export const OCR_PLATFORM: PlatformConfig = {
  appName: 'Tool_OCR',
  homePath: '/tasks',
  problemText: failureText,
};
