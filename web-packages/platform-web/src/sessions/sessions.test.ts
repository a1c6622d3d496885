import { describe, expect, it } from 'vitest';
import { orderSessions } from './SessionsPage';
import { describeUserAgent } from './userAgent';

describe('user agents', () => {
  it('names browser, system and phones', () => {
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0')).toEqual({ browser: 'Edge', os: 'Windows', mobile: false });
    expect(describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1')).toEqual({ browser: 'Safari', os: 'iOS', mobile: true });
    expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toEqual({ browser: 'Firefox', os: 'Linux', mobile: false });
    expect(describeUserAgent(null)).toEqual({ browser: null, os: null, mobile: false });
  });
});

describe('sessions order', () => {
  it('puts the current session first, then the most recently active', () => {
    const s = (id: string, at: string, current = false) => ({ id, created_at: at, last_access_at: at, expires_at: at, ip_address: null, user_agent: null, current });
    expect(orderSessions([s('old', '2026-01-01T00:00:00Z'), s('me', '2025-01-01T00:00:00Z', true), s('new', '2026-06-01T00:00:00Z')]).map((x) => x.id)).toEqual(['me', 'new', 'old']);
  });
});
