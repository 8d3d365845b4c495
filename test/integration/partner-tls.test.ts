import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCoreExpectingFailure, spawnCore, tempDataDir, type CoreProcess } from '../fixtures/core-process';

// The partner listener over HTTPS with a real certificate (openssl, self-signed for
// 127.0.0.1), as an agency puts it on the partner network.
function selfSigned(dir: string, name: string): { cert: string; key: string } {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { cert, key };
}

function getHealth(port: number, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port, path: '/health', ca, servername: '127.0.0.1' }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('partner listener over TLS', () => {
  const dir = tempDataDir('wink-tls-');
  const good = selfSigned(dir, 'good');
  const other = selfSigned(dir, 'other');
  let core: CoreProcess;

  beforeAll(async () => {
    core = await spawnCore({ args: ['--no-demo', '--tls-cert', good.cert, '--tls-key', good.key] });
  });
  afterAll(() => core?.stop());

  it('serves partners over HTTPS with the configured certificate, and refuses plain HTTP', async () => {
    const port = Number(core.listen.http!.split(':').pop());
    const r = await getHealth(port, readFileSync(good.cert));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ status: 'ok' });
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });

  it('refuses to start when the key does not belong to the certificate, saying so', async () => {
    const r = await runCoreExpectingFailure({ args: ['--no-demo', '--tls-cert', good.cert, '--tls-key', other.key] });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot be used together/);
  });

  it('refuses a certificate without its key', async () => {
    const r = await runCoreExpectingFailure({ args: ['--no-demo', '--tls-cert', good.cert] });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/give both --tls-cert and --tls-key/);
  });
});
