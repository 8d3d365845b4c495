// `npm run serve`: the headless appliance. Builds the app first when the build is missing
// or older than its sources, then runs the media core in this very process (so signals
// reach it directly and its exit code is ours).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const entry = join(root, 'out', 'main', 'core.js');
const SOURCES = ['media-core', 'renderer', 'electron', 'electron.vite.config.ts', 'package.json'];

function newestMtime(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

function isStale() {
  if (!existsSync(entry) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) return true;
  const built = statSync(entry).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(root, s)) > built);
}

if (isStale()) {
  process.stderr.write('wink: building the app first (npm run build)...\n');
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  // The build's chatter goes to stderr: stdout carries only the core's JSON lines.
  const r = spawnSync(bin, ['build'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (r.status !== 0) {
    process.stderr.write('wink: build failed; see the messages above.\n');
    process.exit(r.status ?? 1);
  }
}

await import(pathToFileURL(entry).href);
