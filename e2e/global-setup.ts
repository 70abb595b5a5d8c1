import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..');
export const stateFile = path.join(here, 'test-results', 'app.json');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForHttp(url: string, ms: number, alive: () => string | null) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const died = alive();
    if (died) throw new Error(died);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not answer on ${url} within ${ms / 1000}s`);
}

// A spec that takes test from @playwright/test rather than tests/fixtures.ts
// would run without the check that fails a test on an error in the page.
function checkSpecsUseFixtures() {
  const dir = path.join(here, 'tests');
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.spec.ts'))) {
    const src = fs.readFileSync(path.join(dir, name), 'utf8');
    if (/import\s*\{[^}]*\btest\b[^}]*\}\s*from\s*['"]@playwright\/test['"]/.test(src)) {
      throw new Error(`e2e/tests/${name} imports test from @playwright/test: import test and expect from ./fixtures, which fails a test on an error in the page`);
    }
  }
}

// Starts the Themis dev build under the current X display (make e2e runs
// Playwright inside xvfb-run) with a fresh data folder and scripted dialogs.
export default async function globalSetup() {
  checkSpecsUseFixtures();
  const bin = path.join(root, 'build', 'bin', 'themis-dev');
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run make e2e (it builds it)`);
  const port = await freePort();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'themis-e2e-'));
  const dataDir = path.join(tmp, 'data');
  const dialogDir = path.join(tmp, 'dialogs');
  fs.mkdirSync(dataDir);
  fs.mkdirSync(dialogDir);
  fs.mkdirSync(path.dirname(stateFile), { recursive: true });
  const log = fs.openSync(path.join(tmp, 'app.log'), 'w');
  const child = spawn(bin, [], {
    cwd: root,
    env: {
      ...process.env,
      devserver: `127.0.0.1:${port}`,
      assetdir: path.join(root, 'frontend', 'dist'),
      loglevel: 'warning',
      THEMIS_DATA_DIR: dataDir,
      THEMIS_TEST_DIALOGS: dialogDir,
    },
    stdio: ['ignore', log, log],
    detached: true,
  });
  let exited: string | null = null;
  child.on('exit', (code, sig) => {
    exited = `the app exited early (code ${code}, signal ${sig}); see ${path.join(tmp, 'app.log')}:\n` +
      fs.readFileSync(path.join(tmp, 'app.log'), 'utf8').slice(-3000);
  });
  const url = `http://127.0.0.1:${port}/`;
  await waitForHttp(url, 60_000, () => exited);
  fs.writeFileSync(stateFile, JSON.stringify({ url, pid: child.pid, tmp, dataDir, dialogDir }));
  child.unref();
  process.env.THEMIS_URL = url;
}
