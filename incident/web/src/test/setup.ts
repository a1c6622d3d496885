// The shared browser stubs (matchMedia, ResizeObserver, jest-dom, cleanup), then the incident strings.
import '@toolocr/platform-web/testing/setup';
import '../i18n';
