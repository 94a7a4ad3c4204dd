import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cargoVersions, npmVersions, mismatches } from './check-plugin-versions.mjs';

const cargoLock = (entries) =>
  'version = 4\n' + entries.map(([n, v]) => `\n[[package]]\nname = "${n}"\nversion = "${v}"\nsource = "registry"\n`).join('');
const npmLock = (entries) => ({
  lockfileVersion: 3,
  packages: Object.fromEntries([['', { name: 'app' }], ...entries.map(([n, v]) => [`node_modules/${n}`, { version: v }])]),
});

test('agreeing minors pass, patch differences are fine', () => {
  const cargo = cargoVersions(cargoLock([['tauri', '2.12.5'], ['tauri-plugin-dialog', '2.8.4']]));
  const npm = npmVersions(npmLock([['@tauri-apps/api', '2.12.1'], ['@tauri-apps/plugin-dialog', '2.8.0']]));
  assert.deepEqual(mismatches(cargo, npm), []);
});

test('a plugin crate one minor ahead of its npm package is reported', () => {
  const cargo = cargoVersions(cargoLock([['tauri', '2.12.5'], ['tauri-plugin-store', '2.5.0']]));
  const npm = npmVersions(npmLock([['@tauri-apps/api', '2.12.5'], ['@tauri-apps/plugin-store', '2.4.5']]));
  assert.deepEqual(mismatches(cargo, npm), [
    'tauri-plugin-store 2.5.0 (Cargo.lock) vs @tauri-apps/plugin-store 2.4.5 (package-lock.json)',
  ]);
});

test('the tauri crate must match @tauri-apps/api', () => {
  const cargo = cargoVersions(cargoLock([['tauri', '2.13.0']]));
  const npm = npmVersions(npmLock([['@tauri-apps/api', '2.12.5']]));
  assert.equal(mismatches(cargo, npm).length, 1);
});

test('an npm plugin without its crate is reported, a Rust-only plugin is not', () => {
  const cargo = cargoVersions(cargoLock([['tauri', '2.12.5'], ['tauri-plugin-log', '2.10.1']]));
  const npm = npmVersions(npmLock([['@tauri-apps/api', '2.12.5'], ['@tauri-apps/plugin-fs', '2.6.0']]));
  assert.deepEqual(mismatches(cargo, npm), [
    '@tauri-apps/plugin-fs is installed but the crate tauri-plugin-fs is not in Cargo.lock',
  ]);
});

test('prerelease crate lines pulled in beside a stable one are ignored', () => {
  const cargo = cargoVersions(cargoLock([['tauri', '2.12.5'], ['tauri', '3.0.0-alpha.5']]));
  const npm = npmVersions(npmLock([['@tauri-apps/api', '2.12.5']]));
  assert.deepEqual(mismatches(cargo, npm), []);
});

test('nested node_modules copies are not mistaken for the top-level package', () => {
  const npm = npmVersions(npmLock([['@tauri-apps/api', '2.12.5'], ['x/node_modules/@tauri-apps/api', '1.0.0']]));
  assert.equal(npm.get('@tauri-apps/api'), '2.12.5');
});
