import type { ApiClient } from '@toolocr/platform-web';
import { renderApp as renderPlatformApp } from '@toolocr/platform-web/testing';
import type { ReactElement } from 'react';
import { OCR_PLATFORM } from '../app/platform';

/** Renders Tool_OCR pages under the real providers, configured as the app configures them. */
export function renderApp(routes: Record<string, ReactElement>, options: { client: ApiClient; at: string }) {
  return renderPlatformApp(routes, { ...options, config: OCR_PLATFORM });
}
