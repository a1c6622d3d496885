// Browser end-to-end tests of the incident web app against the real incident server: starts
// `./tool-ocr dev-ad` (the AD stand-in) and the built incident server jar on free ports with a fresh
// data directory under incident/web/target/e2e, runs the Playwright suite in Debian's Chromium with
// two users in two browser contexts, then stops both. Maven runs it in the incident server module's
// integration-test phase; by hand:
//   node incident/web/e2e/run.mjs
// Exit code: the suite's. Screenshots: incident/web/target/e2e/screenshots.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRun, fail, freePort, listening } from '../../../web-packages/platform-web/e2e/launcher.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.resolve(here, '..');
const root = path.resolve(web, '..', '..');
const work = path.join(web, 'target', 'e2e');
const jar = process.env.E2E_SERVER_JAR ?? path.join(root, 'incident', 'server', 'target', 'incident-server.jar');

if (!existsSync(jar)) fail("the incident server jar is missing; build it with './mvnw -pl incident/server -am package -DskipTests'.");
const { start, waitFor, runSuite } = createRun({ root, work });

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

const devAd = start('dev-ad', path.join(root, 'tool-ocr'), ['dev-ad', '--port', String(adPort), '--users', usersFile]);
await waitFor('dev-ad', () => listening(adPort), 120_000, devAd);

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

await runSuite(path.join(here, 'app.test.mjs'), web, { E2E_BASE_URL: baseUrl });
