/**
 * @toolocr/platform-web: what every app on the platform's sign-in shares in the browser. A host app
 * creates one ApiClient, calls initI18n once, and renders its routes under <PlatformProvider>.
 */
export {
  ApiClient,
  ApiError,
  filenameFromDisposition,
  NETWORK_PROBLEM,
  networkError,
  problemFrom,
  REFRESH_AHEAD_MS,
  REFRESH_CONFLICT_RETRY_MS,
  refreshDelayMs,
  type ApiClientOptions,
  type RequestOptions,
} from './api/client';
export { downloadWithToken } from './api/download';
export type { SessionView, TokenResponse, User } from './api/types';
export { runLimited, uploadForm, type UploadProgress, type XhrFactory } from './api/upload';
export { FullPageLoader, RequireAuth } from './auth/guards';
export {
  PlatformProvider,
  safeNext,
  SIGN_IN_PATH,
  signInPath,
  useApi,
  useAuth,
  useAppName,
  usePlatformConfig,
  type PlatformConfig,
} from './auth/PlatformProvider';
export { LanguageMenu } from './i18n/LanguageMenu';
export { platformEn, platformZhTW, type PlatformMessages } from './i18n/messages';
export { initI18n, initialLanguage, LANGUAGES, mergeMessages, setLanguage, type I18nOptions, type LanguageCode, type Messages } from './i18n/setup';
export { revokeSessions, sessionKeys, sessionQueries } from './sessions/api';
export { orderSessions, SessionsPage } from './sessions/SessionsPage';
export { describeUserAgent, type DeviceDescription } from './sessions/userAgent';
export { AppFrame, isActivePath, type AppFrameProps, type FrameNavItem, type FrameNavSection } from './shell/AppFrame';
export { NotFoundPage } from './shell/NotFoundPage';
export { PlatformApp } from './shell/PlatformApp';
export { SignInPage, secondsLeft } from './sign-in/SignInPage';
export { ConfirmDialog } from './ui/ConfirmDialog';
export { errorMessage, useErrorMessage } from './ui/errors';
export { formatBytes, formatDateTime, formatDurationMs, formatNumber, formatRelative } from './ui/format';
export { notify } from './ui/notify';
export { contrastVariables, createQueryClient, platformTheme } from './ui/theme';
export { usePageTitle } from './ui/usePageTitle';
