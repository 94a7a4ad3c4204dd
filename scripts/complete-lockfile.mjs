#!/usr/bin/env node
// The npm registry mirror this project is built behind lacks the non-Linux builds of the Tauri
// CLI, so `npm install` here leaves them out of package-lock.json and `npm ci` then refuses the
// lock ("Missing: @tauri-apps/cli-darwin-arm64@ from lock file"). This adds the missing optional
// platform entries (with their os/cpu/libc, so npm skips them on other platforms without fetching).
// Run it after `npm install` changes the lock: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const platforms = {
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'linux-arm-gnueabihf': { os: ['linux'], cpu: ['arm'] },
  'linux-arm64-gnu': { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] },
  'linux-arm64-musl': { os: ['linux'], cpu: ['arm64'], libc: ['musl'] },
  'linux-riscv64-gnu': { os: ['linux'], cpu: ['riscv64'], libc: ['glibc'] },
  'linux-x64-gnu': { os: ['linux'], cpu: ['x64'], libc: ['glibc'] },
  'linux-x64-musl': { os: ['linux'], cpu: ['x64'], libc: ['musl'] },
  'win32-arm64-msvc': { os: ['win32'], cpu: ['arm64'] },
  'win32-ia32-msvc': { os: ['win32'], cpu: ['ia32'] },
  'win32-x64-msvc': { os: ['win32'], cpu: ['x64'] },
};
const cli = lock.packages['node_modules/@tauri-apps/cli'];
let added = 0;
for (const [name, version] of Object.entries(cli?.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  const platform = platforms[name.replace('@tauri-apps/cli-', '')];
  if (lock.packages[key] || !platform) continue;
  lock.packages[key] = { version, ...platform, license: 'Apache-2.0 OR MIT', optional: true, engines: { node: '>= 10' } };
  added += 1;
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} optional Tauri CLI platform entr${added === 1 ? 'y' : 'ies'}`);
