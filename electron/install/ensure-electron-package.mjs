// Runs after `npm install`. electron is an optionalDependency: where its postinstall can
// download the Electron binary, npm keeps it and this script does nothing. Where it cannot
// (an offline appliance build host, CI without internet), npm drops the whole package, and
// with it the TypeScript definitions that electron/ is type-checked against. Here we put
// the package back from the npm registry WITHOUT its binary, so `npm run typecheck` and
// `npm run build` work, and launching the desktop app says clearly that the binary is
// missing (electron's own index.js throws "Electron failed to install correctly").
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = join(root, 'node_modules', 'electron');
if (existsSync(join(target, 'package.json'))) process.exit(0);

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const range = pkg.optionalDependencies?.electron ?? pkg.devDependencies?.electron;
if (!range) process.exit(0);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = mkdtempSync(join(tmpdir(), 'electron-pkg-'));
try {
  const out = execFileSync(npm, ['pack', `electron@${range}`, '--silent', '--pack-destination', work], {
    cwd: work,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', join(work, out), '-C', work]);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(work, 'package'), target, { recursive: true });
  console.log(`electron: binary not installed (download impossible here); placed the package for types and build only.`);
} catch (err) {
  console.warn(`electron: could not place the package without its binary: ${err.message}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
