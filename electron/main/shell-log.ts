import { closeSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SupervisorLog } from './core-supervisor';

export interface ShellLog extends SupervisorLog {
  /** A line the core wrote to stdout/stderr. The core logs JSON lines (pino); those pass
   *  through unchanged so the file stays one JSON object per line. Anything else (a
   *  native crash message, say) is wrapped into one. */
  core(line: string, stream: 'stdout' | 'stderr'): void;
  /** The log file, or null when logging to stdout only. */
  readonly file: string | null;
  close(): void;
}

export interface ShellLogOptions {
  file: string | null;
  /** The file is rotated to `<file>.1` past this size, so an appliance running for
   *  months cannot fill its disk with logs. */
  maxFileBytes?: number;
  /** Where lines also go; stdout by default (journald, a terminal, Playwright). */
  echo?: (line: string) => void;
}

export function createShellLog(options: ShellLogOptions): ShellLog {
  const maxFileBytes = options.maxFileBytes ?? 10 * 1024 * 1024;
  const echo = options.echo ?? writeStdout;
  let fd: number | null = null;
  let size = 0;

  function open(): void {
    if (!options.file) return;
    try {
      mkdirSync(dirname(options.file), { recursive: true });
      size = fileSize(options.file);
      if (size >= maxFileBytes) rotate(options.file);
      fd = openSync(options.file, 'a');
    } catch (err) {
      fd = null;
      echo(JSON.stringify(entry('warn', 'cannot open the log file; logging to stdout only', { file: options.file, err: String(err) })));
    }
  }

  function rotate(file: string): void {
    if (fd !== null) closeSync(fd);
    fd = null;
    renameSync(file, `${file}.1`);
    size = 0;
  }

  function write(line: string): void {
    echo(line);
    if (fd === null || !options.file) return;
    try {
      // Synchronous on purpose: the line is on disk before a crash that might follow it.
      size += writeSync(fd, `${line}\n`);
      if (size >= maxFileBytes) {
        rotate(options.file);
        fd = openSync(options.file, 'a');
      }
    } catch {
      // A full disk must not take the shell down with it; stdout still has the line.
    }
  }

  const log = (level: string) => (msg: string, fields?: Record<string, unknown>) => write(JSON.stringify(entry(level, msg, fields)));

  open();
  return {
    file: options.file,
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    core(line, stream) {
      if (line.startsWith('{') && isJson(line)) write(line);
      else write(JSON.stringify({ level: stream === 'stderr' ? 'warn' : 'info', time: new Date().toISOString(), app: 'wink-core', stream, msg: redactPlainLine(line) }));
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

function entry(level: string, msg: string, fields?: Record<string, unknown>): Record<string, unknown> {
  return { level, time: new Date().toISOString(), app: 'wink-shell', ...fields, msg };
}

/** The core's JSON logs are redacted by the core; its plain stderr lines are meant for a
 *  terminal (a first-run admin password, say) and must not be kept in a log file. */
export function redactPlainLine(line: string): string {
  return line.replace(/\b(password|passphrase|token|secret)(\s*[:=]\s*)\S+/gi, '$1$2[redacted]');
}

function isJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

let stdoutGuarded = false;
function writeStdout(line: string): void {
  if (!stdoutGuarded) {
    stdoutGuarded = true;
    // A closed terminal (EPIPE) must not crash the appliance.
    process.stdout.on('error', () => {});
  }
  try {
    process.stdout.write(`${line}\n`);
  } catch {
    // Packaged GUI apps on Windows may have no stdout at all.
  }
}
