// Adds lockfile entries for platform-specific optional packages that the registry mirror of the
// build machines does not carry (e.g. @rollup/rollup-win32-x64-msvc). `npm install` silently skips
// an optional package it cannot fetch and leaves it out of package-lock.json, after which `npm ci`
// refuses the lockfile as out of sync. npm never installs these on a platform they do not match, so
// an entry with version, os and cpu is all `npm ci` needs. Run after `npm install` changes the lock:
//   node web-packages/scripts/complete-lockfile.mjs   (from the repository root)
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32', 'sunos', 'aix', 'netbsd'];
const CPU = { 'arm-eabi': 'arm', arm64: 'arm64', x64: 'x64', ia32: 'ia32', arm: 'arm', loong64: 'loong64', ppc64: 'ppc64', riscv64: 'riscv64', s390x: 's390x' };

function platformOf(name) {
  const base = name.split('/').pop();
  const os = OS.find((o) => base.includes(`-${o}-`) || base.startsWith(`${o}-`));
  if (!os) return null;
  const rest = base.slice(base.indexOf(os) + os.length + 1);
  const cpuKey = Object.keys(CPU).sort((a, b) => b.length - a.length).find((c) => rest.startsWith(c));
  if (!cpuKey) return null;
  const entry = { os: [os], cpu: [CPU[cpuKey]] };
  if (os === 'linux') entry.libc = [rest.includes('musl') ? 'musl' : 'glibc'];
  return entry;
}

let added = 0;
for (const [key, pkg] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const where = `${key ? `${key}/` : ''}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (packages[where] || packages[hoisted]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    packages[hoisted] = { version, license: pkg.license, optional: true, ...platform, engines: pkg.engines };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform entries`);
