import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultConfig } from './defaults';
import { ConfigSchema, type Config, type ConfigInput } from './schema';

/** A start-up configuration problem: printed as is, the process exits with code 2. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

interface Source {
  name: string;
  values: ConfigInput;
}

const FLAG_TO_KEY: Record<string, keyof Config> = {
  'data-dir': 'dataDir',
  bind: 'bind',
  'http-port': 'httpPort',
  'console-bind': 'consoleBind',
  'console-port': 'consolePort',
  'rtsp-port': 'rtspPort',
  'rtmp-port': 'rtmpPort',
  'srt-port': 'srtPort',
  'log-level': 'logLevel',
  'tls-cert': 'tlsCert',
  'tls-key': 'tlsKey',
};

export const ENV_TO_KEY: Record<string, keyof Config> = {
  WINK_DATA_DIR: 'dataDir',
  WINK_BIND: 'bind',
  WINK_HTTP_PORT: 'httpPort',
  WINK_CONSOLE_BIND: 'consoleBind',
  WINK_CONSOLE_PORT: 'consolePort',
  WINK_RTSP_PORT: 'rtspPort',
  WINK_RTMP_PORT: 'rtmpPort',
  WINK_SRT_PORT: 'srtPort',
  WINK_DEMO: 'demo',
  WINK_LOG_LEVEL: 'logLevel',
  WINK_TLS_CERT: 'tlsCert',
  WINK_TLS_KEY: 'tlsKey',
};

export const USAGE = `Usage: npm run serve -- [options]

  --data-dir DIR        where the database and settings live (env WINK_DATA_DIR)
  --config FILE         JSON config file with the same keys in camelCase (env WINK_CONFIG)
  --bind ADDR           address of the partner listeners (env WINK_BIND, default 0.0.0.0)
  --http-port N         partner HTTP listener: HLS, OTP API, health (env WINK_HTTP_PORT, default 8080)
  --console-bind ADDR   operator console address (env WINK_CONSOLE_BIND, default 127.0.0.1)
  --console-port N      operator console (env WINK_CONSOLE_PORT, default 8088)
  --rtsp-port N         partner RTSP listener (env WINK_RTSP_PORT, default 8554)
  --rtmp-port N         partner RTMP listener (env WINK_RTMP_PORT, default 1935)
  --srt-port N          partner SRT listener (env WINK_SRT_PORT, default 8890)
  --tls-cert FILE       PEM certificate (chain) for the partner HTTP listener (env WINK_TLS_CERT)
  --tls-key FILE        its PEM private key (env WINK_TLS_KEY); with both, partners use HTTPS
  --no-demo             do not create or run the demo cameras (env WINK_DEMO=0)
  --log-level LEVEL     fatal|error|warn|info|debug|trace (env WINK_LOG_LEVEL)
  --help                print this help

Port 0 means any free port; the ready line on stdout says which one was taken.`;

export interface ParsedArgs {
  help: boolean;
  configFile: string | undefined;
  values: ConfigInput;
}

export function parseFlags(argv: string[]): ParsedArgs {
  const options = Object.fromEntries(Object.keys(FLAG_TO_KEY).map((f) => [f, { type: 'string' as const }]));
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, config: { type: 'string' }, 'no-demo': { type: 'boolean' }, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    throw new ConfigError([(err as Error).message.replace(/\. To specify.*$/s, ''), 'run with --help for the list of options']);
  }
  const values: ConfigInput = {};
  for (const [flag, key] of Object.entries(FLAG_TO_KEY)) {
    const v = (parsed.values as Record<string, unknown>)[flag];
    if (v !== undefined) values[key] = v;
  }
  if (parsed.values['no-demo']) values.demo = false;
  return { help: parsed.values.help === true, configFile: parsed.values.config, values };
}

export function fromEnv(env: NodeJS.ProcessEnv): ConfigInput {
  const values: ConfigInput = {};
  for (const [name, key] of Object.entries(ENV_TO_KEY)) {
    const v = env[name];
    if (v !== undefined && v !== '') values[key] = v;
  }
  return values;
}

export const CONFIG_FILE_NAME = 'config.json';

/** A config file inside the data dir cannot move the data dir. */
function withoutDataDir(values: ConfigInput, insideDataDir: boolean): ConfigInput {
  if (!insideDataDir) return values;
  const { dataDir: _ignored, ...rest } = values;
  return rest;
}

export function readConfigFile(file: string): ConfigInput {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError([`config file ${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`]);
  }
  try {
    const json: unknown = JSON.parse(text);
    if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new Error('not a JSON object');
    return json as ConfigInput;
  } catch (err) {
    throw new ConfigError([`config file ${file}: not valid JSON (${(err as Error).message})`]);
  }
}

/** Merges defaults < config file < environment < flags, then validates once, so every
 *  problem is reported together and names where the bad value came from. */
export function loadConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): { config: Config; help: boolean } {
  const flags = parseFlags(argv);
  const envValues = fromEnv(env);
  const sources: Source[] = [{ name: 'default', values: defaultConfig() }];
  // Without --config, the data dir's own config.json (what the console's System screen
  // saves) is read when it exists.
  const dataDir = String(flags.values.dataDir ?? envValues.dataDir ?? defaultConfig().dataDir);
  const dataDirFile = join(dataDir, CONFIG_FILE_NAME);
  const configFile = flags.configFile ?? env.WINK_CONFIG ?? (existsSync(dataDirFile) ? dataDirFile : undefined);
  if (configFile) sources.push({ name: `config file ${configFile}`, values: withoutDataDir(readConfigFile(configFile), configFile === dataDirFile) });
  sources.push({ name: 'environment', values: envValues }, { name: 'flag', values: flags.values });

  const merged: Record<string, unknown> = {};
  const origin: Record<string, string> = {};
  for (const s of sources) {
    for (const [k, v] of Object.entries(s.values)) {
      merged[k] = v;
      origin[k] = s.name;
    }
  }
  const result = ConfigSchema.safeParse(merged);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => {
        const key = String(i.path[0] ?? '');
        if (i.code === 'unrecognized_keys') return `unknown setting(s) ${i.keys.join(', ')} (from ${configFile ?? 'input'})`;
        return `${key} (${describeOrigin(key, origin[key])}): ${i.message}`;
      }),
    );
  }
  return { config: result.data, help: flags.help };
}

function describeOrigin(key: string, source: string | undefined): string {
  if (source === 'flag') return `--${Object.entries(FLAG_TO_KEY).find(([, k]) => k === key)?.[0] ?? key}`;
  if (source === 'environment') return Object.entries(ENV_TO_KEY).find(([, k]) => k === key)?.[0] ?? key;
  return source ?? 'default';
}

export function configFileExists(file: string): boolean {
  return existsSync(file);
}
