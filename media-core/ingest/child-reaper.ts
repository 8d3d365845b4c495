import type { ChildProcess } from 'node:child_process';

// ffmpeg children must not outlive the core. A child writing to a pipe nobody reads dies
// of SIGPIPE on its own, but one still connecting to a camera would linger; so whatever
// is alive when the process exits is killed here.
const alive = new Set<ChildProcess>();
let installed = false;

function killAll(): void {
  for (const child of alive) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  alive.clear();
}

/** Kills `child` if this process exits while it still runs. */
export function killOnParentExit(child: ChildProcess): void {
  if (!installed) {
    installed = true;
    process.on('exit', killAll);
  }
  alive.add(child);
  child.once('exit', () => alive.delete(child));
  child.once('error', () => alive.delete(child));
}

/** How many children would be killed right now; for diagnostics and tests. */
export function childrenKilledOnExit(): number {
  return alive.size;
}
