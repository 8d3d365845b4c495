// Entry of the media core. The same file runs as an Electron utility process (forked by
// electron/main) and as a plain Node process (`npm run serve`, the headless appliance).
import { ConfigError, loadConfig, USAGE } from './conf/load';
import { DatabaseRefusedError } from './db/database';
import { createLogger, type Logger } from './log/logger';
import { startCore, type RunningCore } from './core/start-core';
import { attachParentPort, parentPortOf } from './core/parent-port';

const STOP_DEADLINE_MS = 5_000;

async function main(): Promise<void> {
  let loaded;
  try {
    loaded = loadConfig(process.argv.slice(2));
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`wink-core: ${err.message}\n`);
      parentPortOf(process)?.postMessage({ type: 'fatal', reason: err.message });
      process.exit(2);
    }
    throw err;
  }
  if (loaded.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { config } = loaded;
  const log = createLogger({ level: config.logLevel });

  let core: RunningCore;
  try {
    core = await startCore({ config, log, adminPassword: process.env.WINK_ADMIN_PASSWORD || undefined });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`wink-core: ${err.message}\n`);
      parentPortOf(process)?.postMessage({ type: 'fatal', reason: err.message });
      process.exit(2);
    }
    const message = err instanceof DatabaseRefusedError || isListenError(err) ? (err as Error).message : String((err as Error).stack ?? err);
    log.fatal({ err: (err as Error).message }, 'core failed to start');
    process.stderr.write(`wink-core: cannot start: ${message}\n`);
    // A restart will not fix these; the desktop shell shows the reason instead of retrying.
    parentPortOf(process)?.postMessage({ type: 'fatal', reason: (err as Error).message });
    process.exit(1);
  }

  if (core.generatedAdminPassword) {
    // Printed once, on the console that started a new appliance, never into the JSON log.
    process.stderr.write(
      `\n  Operator "admin" was created with the password: ${core.generatedAdminPassword}\n  It is shown only this once. Set WINK_ADMIN_PASSWORD on first start to choose it.\n\n`,
    );
  }

  const stop = onceStop(core, log);
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  const parentPort = parentPortOf(process);
  if (parentPort) attachParentPort(parentPort, core, () => void stop('parent asked to shut down'));

  // Exactly one line with "msg":"ready": installers, tests and the desktop shell wait for it.
  process.stdout.write(`${JSON.stringify({ level: 'info', time: new Date().toISOString(), msg: 'ready', listen: core.listen, consoleUrl: core.consoleUrl })}\n`);
}

function onceStop(core: RunningCore, log: Logger): (why: string) => Promise<void> {
  let stopping = false;
  return async (why) => {
    if (stopping) return;
    stopping = true;
    log.info({ why }, 'stopping');
    const deadline = setTimeout(() => {
      log.error('clean stop took too long; exiting anyway');
      process.exit(1);
    }, STOP_DEADLINE_MS);
    deadline.unref();
    await core.stop();
    clearTimeout(deadline);
    process.exit(0);
  };
}

function isListenError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException)?.code;
  return code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL';
}

main().catch((err: unknown) => {
  process.stderr.write(`wink-core: fatal: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
