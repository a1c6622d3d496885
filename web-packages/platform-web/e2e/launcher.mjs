// What both apps' browser-test runners (ocr/web/e2e/run.mjs, incident/web/e2e/run.mjs) do the same
// way: check the prerequisites, start `dev-ad` and the servers in their own process groups with logs
// in the work folder, wait for them, run the Playwright suite with `node --test`, and stop them all.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** Ends the run with one sentence and exit code 2 (a prerequisite, not a test, failed). */
export function fail(sentence) {
  console.error(`e2e: ${sentence}`);
  process.exit(2);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** True once something accepts connections on the port. */
export function listening(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

/**
 * A run rooted at the repository {@code root}, with its logs and data under {@code work} (emptied
 * first). Chromium and the workspace's playwright-core must be there, or the run fails at once.
 */
export function createRun({ root, work, chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', installHint = "run 'npm ci' there first" }) {
  if (!existsSync(chromium)) fail(`Chromium is missing at ${chromium}; install it with 'sudo apt-get install chromium' (or set CHROMIUM_PATH).`);
  if (!existsSync(path.join(root, 'node_modules', 'playwright-core'))) fail(`node_modules is missing at the repository root; ${installHint}.`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, 'screenshots'), { recursive: true });

  const children = [];
  let stopping = false;

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

  /** Starts a server; its output goes to <work>/<name>.log. */
  function start(name, command, argv, env = {}) {
    const log = openSync(path.join(work, `${name}.log`), 'w');
    // Own process group, so stopping it also stops the java process a launcher script execs.
    const child = spawn(command, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', log, log], detached: true });
    children.push(child);
    child.on('exit', (code) => {
      child.exited = true;
      if (!stopping) console.error(`e2e: ${name} exited (code ${code}); its log: ${path.join(work, `${name}.log`)}`);
    });
    return child;
  }

  /** Polls {@code check} until it is true; fails the run if {@code child} stops or time runs out. */
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

  /** Runs the suite file in {@code cwd} with {@code env}, stops everything, and exits with its code. */
  async function runSuite(testFile, cwd, env) {
    const suite = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', testFile], {
      cwd,
      env: { ...process.env, E2E_WORK: work, E2E_CHROMIUM: chromium, ...env },
      stdio: 'inherit',
      detached: true, // its own process group, with the test-file process node --test starts
    });
    children.push(suite); // stopped with the servers if the runner is interrupted
    const code = await new Promise((resolve) => suite.on('exit', (c) => resolve(c ?? 1)));
    stopAll();
    console.log(`e2e: ${code === 0 ? 'passed' : 'FAILED'}; screenshots in ${path.join(work, 'screenshots')}`);
    process.exit(code);
  }

  return { start, waitFor, runSuite, stopAll };
}
