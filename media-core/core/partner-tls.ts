import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import type { Config } from '../conf/schema';
import { ConfigError } from '../conf/load';

/** Reads the partner listener's certificate and key, and checks they belong together,
 *  so a wrong file stops the core at start-up with a sentence instead of failing every
 *  partner handshake later. */
export function loadPartnerTls(config: Config): { cert: Buffer; key: Buffer } | undefined {
  if (!config.tlsCert || !config.tlsKey) return undefined;
  const read = (file: string, what: string) => {
    try {
      return readFileSync(file);
    } catch (err) {
      throw new ConfigError([`${what} ${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`]);
    }
  };
  const cert = read(config.tlsCert, 'TLS certificate');
  const key = read(config.tlsKey, 'TLS key');
  try {
    createSecureContext({ cert, key });
  } catch (err) {
    throw new ConfigError([`TLS certificate ${config.tlsCert} and key ${config.tlsKey} cannot be used together: ${(err as Error).message}`]);
  }
  return { cert, key };
}
