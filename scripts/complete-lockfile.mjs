#!/usr/bin/env node
// The npm registry this project is built against serves only some platforms' builds of packages
// such as rollup and tailwind's oxide, so `npm install` leaves the others out of
// package-lock.json and `npm ci` then refuses the lock as out of sync. This adds each missing
// platform package as an optional entry with its os/cpu/libc, which `npm ci` skips on other
// platforms without fetching it. Run after `npm install` changes the lock:
//   npm ci 2>&1 | node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const missing = [...readFileSync(0, 'utf8').matchAll(/Missing: (\S+?)@\S* from lock file/g)].map((m) => m[1]);
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const wanted = new Map();
for (const entry of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) if (!wanted.has(name)) wanted.set(name, version);
}
for (const name of missing) {
  const key = `node_modules/${name}`;
  if (lock.packages[key] || !wanted.has(name)) continue;
  const tail = name.split('/').pop();
  const entry = { version: wanted.get(name), dev: true, optional: true };
  const platform = /(android|darwin|freebsd|linux|openbsd|openharmony|win32)-(arm64|x64|arm|ia32|loong64|ppc64|riscv64|s390x)/.exec(tail);
  if (tail.includes('wasm32')) entry.cpu = ['wasm32'];
  else if (platform) {
    entry.os = [platform[1]];
    entry.cpu = [platform[2]];
    if (platform[1] === 'linux') entry.libc = [tail.includes('musl') ? 'musl' : 'glibc'];
  } else continue;
  lock.packages[key] = entry;
}
const [root, ...rest] = Object.keys(lock.packages);
lock.packages = Object.fromEntries([root, ...rest.sort()].map((k) => [k, lock.packages[k]]));
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${missing.length} platform entries to package-lock.json`);
