// Browser end-to-end tests against the real application: starts `./tool-ocr dev-ad` (the AD
// stand-in) and `./tool-ocr serve` (the built server jar, UI included) on free ports with a fresh
// data directory under ocr/web/target/e2e, runs the Playwright suite in Debian's Chromium, then stops
// both. Maven runs it in the server module's integration-test phase; by hand:
//   node ocr/web/e2e/run.mjs
// Exit code: the suite's. Screenshots: ocr/web/target/e2e/screenshots.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, openSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.resolve(here, '..');
const root = path.resolve(web, '..', '..');
const work = path.join(web, 'target', 'e2e');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const jar = path.join(root, 'ocr', 'server', 'target', 'tool-ocr-server.jar');
const corpus = process.env.TOOL_OCR_CORPUS ?? path.resolve(root, '..', 'shared', 'corpus', 'ocrmypdf');

function fail(sentence) {
  console.error(`e2e: ${sentence}`);
  process.exit(2);
}

if (!existsSync(chromium)) fail(`Chromium is missing at ${chromium}; install it with 'sudo apt-get install chromium' (or set CHROMIUM_PATH).`);
if (!existsSync(path.join(root, 'node_modules', 'playwright-core'))) fail("node_modules is missing at the repository root; run 'npm ci' there (or './mvnw -pl ocr/web -am verify') first.");
if (!existsSync(jar)) fail("the server jar is missing; build it with './mvnw -pl ocr/server -am package -DskipTests'.");
if (!existsSync(path.join(corpus, 'linn.png'))) fail(`the test corpus is missing at ${corpus}; set TOOL_OCR_CORPUS.`);

rmSync(work, { recursive: true, force: true });
mkdirSync(path.join(work, 'screenshots'), { recursive: true });

// The cancel test needs a task that is still running when the click lands: the corpus's 6-page
// scan now finishes in a few seconds, so it is joined eight times into a 48-page one.
const longScan = path.join(work, 'long-scan.pdf');
try {
  execFileSync('pdfunite', [...Array(8).fill(path.join(corpus, 'multipage.pdf')), longScan], { stdio: 'ignore' });
} catch {
  fail("could not build the long test scan with pdfunite; install it with 'sudo apt-get install poppler-utils'.");
}

// A scan cut off after 5 kB, as an interrupted copy leaves it: it uploads (a PDF by its content) and
// then fails, so the detail page's error text can be checked.
const damagedScan = path.join(work, 'damaged-scan.pdf');
writeFileSync(damagedScan, readFileSync(path.join(corpus, 'multipage.pdf')).subarray(0, 5000));

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
function start(name, args, env) {
  const log = openSync(path.join(work, `${name}.log`), 'w');
  // E2E_SERVER_JAR runs a copy of the server jar instead of `./tool-ocr serve`, for a shared
  // checkout where someone may rebuild ocr/server/target while the suite runs. Maven never sets it.
  const [command, argv] =
    name === 'server' && process.env.E2E_SERVER_JAR
      ? ['java', ['-jar', process.env.E2E_SERVER_JAR, ...args.slice(1)]]
      : [path.join(root, 'tool-ocr'), args];
  // Own process group, so stopping it also stops the java process the launcher execs.
  const child = spawn(command, argv, { cwd: root, env: { ...process.env, OMP_THREAD_LIMIT: '1', ...env }, stdio: ['ignore', log, log], detached: true });
  children.push(child);
  child.on('exit', (code) => {
    child.exited = true;
    if (!stopping) console.error(`e2e: ${name} exited (code ${code}); its log: ${path.join(work, `${name}.log`)}`);
  });
  return child;
}

let stopping = false;
let suite = null;
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
// Alice is an administrator (ADMIN_EMAILS); Bob and Carol are staff; Mallory only fails to sign in.
writeFileSync(
  usersFile,
  `users:
  - {username: alice, password: Alice-pw-1, email: alice@example.com, name: Alice Chen}
  - {username: bob, password: Bob-pw-1, email: bob@example.com, name: Bob Lin}
  - {username: carol, password: Carol-pw-1, email: carol@example.com, name: Carol Wu}
  - {username: mallory, password: Mallory-pw-1, email: mallory@example.com, name: Mallory}
`,
);

const devAd = start('dev-ad', ['dev-ad', '--port', String(adPort), '--users', usersFile], {});
await waitFor('dev-ad', () => new Promise((resolve) => {
  const s = net.connect(adPort, '127.0.0.1', () => { s.end(); resolve(true); });
  s.on('error', () => resolve(false));
}), 120_000, devAd);

const baseUrl = `http://127.0.0.1:${serverPort}`;
const server = start(
  'server',
  [
    'serve',
    // Short-lived access tokens make the browser refresh through the cookie during the run, so the
    // refresh path is exercised for real; the throttle per address is raised because every test
    // signs in from 127.0.0.1 (the per-username limit stays at its default and is tested).
    '--platform.auth.access-token-ttl=40s',
    '--platform.auth.throttle.per-ip=200',
    // A dead AD answers 503 after one failed call instead of after several slow retries.
    '--platform.auth.external.max-attempts=1',
    '--platform.auth.external.breaker-failure-threshold=1',
    // For UI work only: E2E_EXTRA_SERVER_ARGS='--spring.web.resources.static-locations=file:ocr/web/target/classes/META-INF/resources/'
    // serves a fresh `npm run build` without rebuilding the jar. Maven never sets it.
    ...(process.env.E2E_EXTRA_SERVER_ARGS ? process.env.E2E_EXTRA_SERVER_ARGS.split(' ') : []),
  ],
  {
    SERVER_PORT: String(serverPort),
    TOOL_OCR_DATA_DIR: path.join(work, 'data'),
    EXTERNAL_AUTH_API_URL: `http://127.0.0.1:${adPort}`,
    ADMIN_EMAILS: 'alice@example.com',
  },
);
// Up to 15 minutes: `./tool-ocr serve` first rebuilds the jar when sources are newer than it.
await waitFor('the server', async () => (await fetch(`${baseUrl}/actuator/health/readiness`)).ok, 900_000, server);
console.log(`e2e: server ${baseUrl}, dev-ad on port ${adPort}`);

// A second server as a newcomer starts it: local accounts, no ADMIN_EMAILS, nothing configured but
// its port and data folder. Its log holds the bootstrap admin's generated password.
const localPort = await freePort();
const localBaseUrl = `http://127.0.0.1:${localPort}`;
const localServer = start('server-local', ['serve'], {
  SERVER_PORT: String(localPort),
  TOOL_OCR_DATA_DIR: path.join(work, 'data-local'),
  EXTERNAL_AUTH_API_URL: '',
  ADMIN_EMAILS: '',
  TOOL_OCR_ADMIN_PASSWORD: '',
});
await waitFor('the local-accounts server', async () => (await fetch(`${localBaseUrl}/actuator/health/readiness`)).ok, 900_000, localServer);

suite = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', path.join(here, 'app.test.mjs')], {
  cwd: web,
  env: {
    ...process.env,
    E2E_BASE_URL: baseUrl,
    E2E_LOCAL_BASE_URL: localBaseUrl,
    E2E_LOCAL_LOG: path.join(work, 'server-local.log'),
    E2E_WORK: work,
    E2E_CORPUS: corpus,
    E2E_LONG_SCAN: longScan,
    E2E_DAMAGED_SCAN: damagedScan,
    E2E_CHROMIUM: chromium,
    E2E_DEV_AD_PID: String(devAd.pid),
  },
  stdio: 'inherit',
  detached: true, // its own process group, with the test-file process node --test starts
});
children.push(suite); // stopped with the servers if the runner is interrupted
const code = await new Promise((resolve) => suite.on('exit', (c) => resolve(c ?? 1)));
stopAll();
console.log(`e2e: ${code === 0 ? 'passed' : 'FAILED'}; screenshots in ${path.join(work, 'screenshots')}`);
process.exit(code);
