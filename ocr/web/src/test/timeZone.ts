import { afterEach, beforeEach } from 'vitest';

/** Runs the tests of the enclosing `describe` as a reader in `zone` (e.g. `Asia/Taipei`). */
export function inTimeZone(zone: string) {
  const saved = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = zone;
  });
  afterEach(() => {
    process.env.TZ = saved;
  });
}
