#!/usr/bin/env node
// Builds Hearth and runs the Playwright browser tests (e2e/) against the built server, on
// Debian's Chromium. Without /usr/bin/chromium the tests are skipped, except in CI, where a
// missing browser fails the run. Extra arguments go to `playwright test`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = '/usr/bin/chromium';
const ci = process.env.CI === 'true';

if (!existsSync(chromium)) {
  if (ci) {
    console.error(`e2e: ${chromium} is missing and CI=true, so the browser tests cannot run (install the Debian package "chromium").`);
    process.exit(1);
  }
  console.log(`e2e: browser tests skipped: ${chromium} not found (install the Debian package "chromium" to run them).`);
  process.exit(0);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const built = run('npm', ['run', 'build']);
if (built !== 0) process.exit(built);
process.exit(run('npx', ['playwright', 'test', ...process.argv.slice(2)]));
