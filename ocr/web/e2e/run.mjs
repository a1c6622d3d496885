// Browser end-to-end tests against the real application: starts `./tool-ocr dev-ad` (the AD
// stand-in) and `./tool-ocr serve` (the built server jar, UI included) on free ports with a fresh
// data directory under ocr/web/target/e2e, runs the Playwright suite in Debian's Chromium, then stops
// both. Maven runs it in the server module's integration-test phase; by hand:
//   node ocr/web/e2e/run.mjs
// Exit code: the suite's. Screenshots: ocr/web/target/e2e/screenshots.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRun, fail, freePort, listening } from '../../../web-packages/platform-web/e2e/launcher.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.resolve(here, '..');
const root = path.resolve(web, '..', '..');
const work = path.join(web, 'target', 'e2e');
const jar = path.join(root, 'ocr', 'server', 'target', 'tool-ocr-server.jar');
const corpus = process.env.TOOL_OCR_CORPUS ?? path.resolve(root, '..', 'shared', 'corpus', 'ocrmypdf');

if (!existsSync(jar)) fail("the server jar is missing; build it with './mvnw -pl ocr/server -am package -DskipTests'.");
if (!existsSync(path.join(corpus, 'linn.png'))) fail(`the test corpus is missing at ${corpus}; set TOOL_OCR_CORPUS.`);
const run = createRun({ root, work, installHint: "run 'npm ci' there (or './mvnw -pl ocr/web -am verify') first" });

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

function start(name, args, env) {
  // E2E_SERVER_JAR runs a copy of the server jar instead of `./tool-ocr serve`, for a shared
  // checkout where someone may rebuild ocr/server/target while the suite runs. Maven never sets it.
  const [command, argv] =
    name === 'server' && process.env.E2E_SERVER_JAR
      ? ['java', ['-jar', process.env.E2E_SERVER_JAR, ...args.slice(1)]]
      : [path.join(root, 'tool-ocr'), args];
  return run.start(name, command, argv, { OMP_THREAD_LIMIT: '1', ...env });
}
const { waitFor } = run;

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
await waitFor('dev-ad', () => listening(adPort), 120_000, devAd);

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

await run.runSuite(path.join(here, 'app.test.mjs'), web, {
  E2E_BASE_URL: baseUrl,
  E2E_LOCAL_BASE_URL: localBaseUrl,
  E2E_LOCAL_LOG: path.join(work, 'server-local.log'),
  E2E_CORPUS: corpus,
  E2E_LONG_SCAN: longScan,
  E2E_DAMAGED_SCAN: damagedScan,
  E2E_DEV_AD_PID: String(devAd.pid),
});
