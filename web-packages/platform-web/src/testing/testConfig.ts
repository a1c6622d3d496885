import type { PlatformConfig } from '../auth/PlatformProvider';

/** The host settings this package's tests render with: an app whose home page is its task list. */
export const TEST_CONFIG: PlatformConfig = { appName: 'Tool_OCR', homePath: '/tasks' };
