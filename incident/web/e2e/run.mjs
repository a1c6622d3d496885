// Browser end-to-end tests of the incident web app against the real incident server: starts
// `./tool-ocr dev-ad` (the AD stand-in) and the built incident server jar on free ports with a fresh
// data directory under incident/web/target/e2e, runs the Playwright suite in Debian's Chromium with
// two users in two browser contexts, then stops both. Maven runs it in the incident server module's
// integration-test phase; by hand:
//   node incident/web/e2e/run.mjs
// Exit code: the suite's. Screenshots: incident/web/target/e2e/screenshots.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.resolve(here, '..');
const root = path.resolve(web, '..', '..');
const work = path.join(web, 'target', 'e2e');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const jar = process.env.E2E_SERVER_JAR ?? path.join(root, 'incident', 'server', 'target', 'incident-server.jar');

function fail(sentence) {
  console.error(`e2e: ${sentence}`);
  process.exit(2);
}

if (!existsSync(chromium)) fail(`Chromium is missing at ${chromium}; install it with 'sudo apt-get install chromium' (or set CHROMIUM_PATH).`);
if (!existsSync(path.join(root, 'node_modules', 'playwright-core'))) fail("node_modules is missing at the repository root; run 'npm ci' there first.");
if (!existsSync(jar)) fail("the incident server jar is missing; build it with './mvnw -pl incident/server -am package -DskipTests'.");

rmSync(work, { recursive: true, force: true });
mkdirSync(path.join(work, 'screenshots'), { recursive: true });

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

const children = [];
let stopping = false;
function start(name, command, argv, env) {
  const log = openSync(path.join(work, `${name}.log`), 'w');
  // Own process group, so stopping it also stops the java process the launcher execs.
  const child = spawn(command, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', log, log], detached: true });
  children.push(child);
  child.on('exit', (code) => {
    child.exited = true;
    if (!stopping) console.error(`e2e: ${name} exited (code ${code}); its log: ${path.join(work, `${name}.log`)}`);
  });
  return child;
}

function stopAll() {
  stopping = true;
  for (const c of children) {
    if (!c.exited) {
      try {
        process.kill(-c.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

async function waitFor(what, check, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child?.exited) fail(`${what} stopped before it was ready.`);
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  fail(`${what} did not become ready within ${timeoutMs / 1000} s.`);
}

const adPort = await freePort();
const serverPort = await freePort();
const usersFile = path.join(work, 'ad-users.yml');
// Alice is an administrator (ADMIN_EMAILS) and a line supervisor; Bob is a maintenance engineer;
// Carol is staff who is never invited anywhere. Mei (a supervisor) and Wei (a technician) work
// in 繁體中文.
writeFileSync(
  usersFile,
  `users:
  - {username: alice, password: Alice-pw-1, email: alice@example.com, name: Alice Chen}
  - {username: bob, password: Bob-pw-1, email: bob@example.com, name: Bob Lin}
  - {username: carol, password: Carol-pw-1, email: carol@example.com, name: Carol Wu}
  - {username: mei, password: Mei-pw-1, email: mei@example.com, name: 王美玲}
  - {username: wei, password: Wei-pw-1, email: wei@example.com, name: 陳志偉}
`,
);

const devAd = start('dev-ad', path.join(root, 'tool-ocr'), ['dev-ad', '--port', String(adPort), '--users', usersFile], {});
await waitFor(
  'dev-ad',
  () =>
    new Promise((resolve) => {
      const s = net.connect(adPort, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    }),
  120_000,
  devAd,
);

const baseUrl = `http://127.0.0.1:${serverPort}`;
const server = start(
  'server',
  'java',
  [
    '-jar',
    jar,
    // Every test signs in from 127.0.0.1.
    '--platform.auth.throttle.per-ip=200',
    // For UI work only: E2E_EXTRA_SERVER_ARGS='--spring.web.resources.static-locations=file:incident/web/target/classes/META-INF/resources/'
    ...(process.env.E2E_EXTRA_SERVER_ARGS ? process.env.E2E_EXTRA_SERVER_ARGS.split(' ') : []),
  ],
  {
    SERVER_PORT: String(serverPort),
    INCIDENT_DATA_DIR: path.join(work, 'data'),
    EXTERNAL_AUTH_API_URL: `http://127.0.0.1:${adPort}`,
    ADMIN_EMAILS: 'alice@example.com',
  },
);
await waitFor('the incident server', async () => (await fetch(`${baseUrl}/actuator/health`)).ok, 300_000, server);
console.log(`e2e: incident server ${baseUrl}, dev-ad on port ${adPort}`);

if (process.env.E2E_SERVE_ONLY) {
  // For looking at the app by hand: keep both running until interrupted.
  await new Promise(() => {});
}

const suite = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', path.join(here, 'app.test.mjs')], {
  cwd: web,
  env: { ...process.env, E2E_BASE_URL: baseUrl, E2E_WORK: work, E2E_CHROMIUM: chromium },
  stdio: 'inherit',
  detached: true,
});
children.push(suite);
const code = await new Promise((resolve) => suite.on('exit', (c) => resolve(c ?? 1)));
stopAll();
console.log(`e2e: ${code === 0 ? 'passed' : 'FAILED'}; screenshots in ${path.join(work, 'screenshots')}`);
process.exit(code);
