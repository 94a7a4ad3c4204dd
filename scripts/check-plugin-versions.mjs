#!/usr/bin/env node
// Fails when Tauri's Rust crates and their npm packages disagree on major.minor, which makes
// `tauri build` abort ("Found version mismatched Tauri packages"), and when an npm plugin has no
// Rust crate (its JS calls would fail at run time). Pairs: tauri <-> @tauri-apps/api and every
// tauri-plugin-<name> <-> @tauri-apps/plugin-<name>. Reads Cargo.lock and package-lock.json.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** Crate name -> version from a Cargo.lock text (a crate may appear in several versions). */
export function cargoVersions(lockText) {
  const versions = new Map();
  for (const block of lockText.split('[[package]]').slice(1)) {
    const name = /^name = "([^"]+)"/m.exec(block)?.[1];
    const version = /^version = "([^"]+)"/m.exec(block)?.[1];
    if (!name || !version) continue;
    versions.set(name, [...(versions.get(name) ?? []), version]);
  }
  return versions;
}

/** Top-level npm package name -> version from a package-lock.json (lockfile v2/v3). */
export function npmVersions(lockJson) {
  const versions = new Map();
  for (const [path, info] of Object.entries(lockJson.packages ?? {})) {
    const match = /^node_modules\/(@tauri-apps\/[^/]+)$/.exec(path);
    if (match && info.version) versions.set(match[1], info.version);
  }
  return versions;
}

const minor = (version) => version.split('.').slice(0, 2).join('.');

/** Every disagreement between the two lock files, as readable lines (empty when they agree). */
export function mismatches(cargo, npm) {
  const problems = [];
  const pairs = [['tauri', '@tauri-apps/api']];
  const names = new Set([...cargo.keys(), ...npm.keys()]);
  for (const name of names) {
    const crate = /^tauri-plugin-(.+)$/.exec(name);
    if (crate) pairs.push([name, `@tauri-apps/plugin-${crate[1]}`]);
    const pkg = /^@tauri-apps\/plugin-(.+)$/.exec(name);
    if (pkg && !cargo.has(`tauri-plugin-${pkg[1]}`)) {
      problems.push(`${name} is installed but the crate tauri-plugin-${pkg[1]} is not in Cargo.lock`);
    }
  }
  for (const [crateName, npmName] of pairs) {
    const crateVersions = cargo.get(crateName);
    const npmVersion = npm.get(npmName);
    if (!crateVersions || !npmVersion) continue; // a Rust-only plugin is fine
    // Ignore prerelease lines (3.0.0-alpha) that other crates may pull in as optional dependencies.
    const stable = crateVersions.filter((v) => !v.includes('-'));
    for (const version of stable.length ? stable : crateVersions) {
      if (minor(version) !== minor(npmVersion)) {
        problems.push(`${crateName} ${version} (Cargo.lock) vs ${npmName} ${npmVersion} (package-lock.json)`);
      }
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const cargo = cargoVersions(readFileSync(join(root, 'Cargo.lock'), 'utf8'));
  const npm = npmVersions(JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')));
  if (!cargo.has('tauri') || !npm.has('@tauri-apps/api')) {
    console.error('check-plugin-versions: tauri is missing from Cargo.lock or @tauri-apps/api from package-lock.json');
    process.exit(1);
  }
  const problems = mismatches(cargo, npm);
  if (problems.length) {
    console.error('Tauri crates and npm packages disagree on their minor version:');
    for (const p of problems) console.error(`  - ${p}`);
    console.error('Pin the crate with "~MAJOR.MINOR" to the npm minor, or upgrade the npm package.');
    process.exit(1);
  }
  console.log(`Tauri versions agree: tauri ${cargo.get('tauri').join(', ')} / @tauri-apps/api ${npm.get('@tauri-apps/api')}`);
}
