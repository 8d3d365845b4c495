import { isIP } from 'node:net';
import { z } from 'zod';

const port = z.coerce
  .number({ error: 'must be a port number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535 (0 = any free port)')
  .max(65535, 'must be between 0 and 65535 (0 = any free port)');

const address = z
  .string()
  .refine((v) => isIP(v) !== 0 || v === 'localhost', 'must be an IPv4 or IPv6 address');

const bool = z.union([z.boolean(), z.enum(['1', '0', 'true', 'false', 'yes', 'no'])]).transform((v) =>
  typeof v === 'boolean' ? v : ['1', 'true', 'yes'].includes(v),
);

/** Every setting the core accepts at start-up, after merging defaults, the config file,
 *  environment variables and flags (in that order of precedence, last wins). */
export const ConfigSchema = z
  .object({
    dataDir: z.string().min(1, 'must not be empty'),
    bind: address,
    httpPort: port,
    consoleBind: address,
    consolePort: port,
    rtspPort: port,
    rtmpPort: port,
    srtPort: port,
    demo: bool,
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    /** PEM files: with both, the partner HTTP listener (HLS, OTP API) speaks HTTPS only. */
    tlsCert: z.string().min(1).optional(),
    tlsKey: z.string().min(1).optional(),
  })
  .strict()
  .refine((c) => (c.tlsCert === undefined) === (c.tlsKey === undefined), {
    message: 'give both --tls-cert and --tls-key, or neither',
    path: ['tlsCert'],
  });

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = { [K in keyof Config]?: unknown };
