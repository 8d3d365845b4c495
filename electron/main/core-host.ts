import { utilityProcess } from 'electron';
import { CoreSupervisor, type CoreProcess, type CoreSupervisorOptions } from './core-supervisor';
import { createLineSplitter } from './line-splitter';
import type { ShellLog } from './shell-log';

export interface CoreHostOptions {
  /** The built core, out/main/core.js. */
  coreEntry: string;
  args: string[];
  log: ShellLog;
  restart?: CoreSupervisorOptions['restart'];
}

/** The Electron half of supervision: launches the core as a utility process and adapts it
 *  to what CoreSupervisor expects. Everything that decides anything is in the supervisor. */
export function createCoreHost(options: CoreHostOptions): CoreSupervisor {
  const { coreEntry, args, log } = options;
  const fork = (): CoreProcess => {
    const child = utilityProcess.fork(coreEntry, args, { serviceName: 'WINK media core', stdio: 'pipe' });
    let pid: number | undefined;
    child.once('spawn', () => {
      pid = child.pid;
      log.info('media core launched', { pid, coreEntry });
    });
    child.once('exit', () => {
      pid = undefined;
    });
    child.on('error', (type, location) => log.error('media core hit a fatal V8 error', { type, location }));
    pipeLines(child.stdout, (line) => log.core(line, 'stdout'));
    pipeLines(child.stderr, (line) => log.core(line, 'stderr'));
    return {
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', listener),
      postMessage: (message) => child.postMessage(message),
      kill: () => child.kill(),
      forceKill: () => {
        if (pid !== undefined) process.kill(pid, 'SIGKILL');
      },
    };
  };
  return new CoreSupervisor({ fork, log, ...(options.restart ? { restart: options.restart } : {}) });
}

function pipeLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  const splitter = createLineSplitter(onLine);
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string | Buffer) => splitter.push(chunk));
  stream.on('end', () => splitter.end());
}
