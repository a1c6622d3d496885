// The shared browser stubs (matchMedia, ResizeObserver, jest-dom, cleanup), then Tool_OCR's strings.
import '@toolocr/platform-web/testing/setup';
import '../i18n';
