/** A short human description of a User-Agent string for the sessions list, e.g. "Firefox on Windows". */
export interface DeviceDescription {
  browser: string | null;
  os: string | null;
  mobile: boolean;
}

const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/[\d.]+/, 'Edge'],
  [/OPR\/[\d.]+|Opera/, 'Opera'],
  [/SamsungBrowser\/[\d.]+/, 'Samsung Internet'],
  [/Firefox\/[\d.]+|FxiOS\/[\d.]+/, 'Firefox'],
  [/HeadlessChrome\/[\d.]+/, 'Headless Chrome'],
  [/Chromium\/[\d.]+/, 'Chromium'],
  [/Chrome\/[\d.]+|CriOS\/[\d.]+/, 'Chrome'],
  [/Version\/[\d.]+.*Safari\/[\d.]+/, 'Safari'],
  [/curl\/[\d.]+/, 'curl'],
  [/Java-http-client|Java\/[\d.]+/, 'Java'],
  [/python-requests|Python-urllib|python-httpx/i, 'Python'],
];

const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/Windows NT/, 'Windows'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

export function describeUserAgent(ua: string | null | undefined): DeviceDescription {
  if (!ua) {
    return { browser: null, os: null, mobile: false };
  }
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1] ?? null;
  const os = SYSTEMS.find(([re]) => re.test(ua))?.[1] ?? null;
  return { browser, os, mobile: /Mobile|iPhone|Android.*Mobile/.test(ua) };
}
