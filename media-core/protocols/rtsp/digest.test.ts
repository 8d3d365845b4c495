import { describe, expect, it } from 'vitest';
import { digestChallenge, digestCredentials, digestHa1, digestResponse, DigestNonces, parseAuthorization, verifyDigest } from './digest';

describe('Digest authentication', () => {
  it('computes RFC 2617 §3.5’s example response (qop=auth)', () => {
    const ha1 = digestHa1('Mufasa', 'testrealm@host.com', 'Circle Of Life');
    expect(digestResponse({ ha1, method: 'GET', uri: '/dir/index.html', nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093', qop: 'auth', nc: '00000001', cnonce: '0a4f113b' })).toBe(
      '6629fae49393a05397450978507c4ef1',
    );
  });

  it('parses a Digest header with quoted values and verifies it in constant time', () => {
    const ha1 = digestHa1('vms', 'WINK Media Router', 's3cret');
    const nonce = 'abc';
    const response = digestResponse({ ha1, method: 'DESCRIBE', uri: 'rtsp://h/cam1', nonce });
    const header = `Digest username="vms", realm="WINK Media Router", nonce="${nonce}", uri="rtsp://h/cam1", response="${response}"`;
    const parsed = parseAuthorization(header);
    expect(parsed?.scheme).toBe('digest');
    const creds = digestCredentials((parsed as { params: Map<string, string> }).params, 'DESCRIBE')!;
    expect(creds).toMatchObject({ username: 'vms', realm: 'WINK Media Router', uri: 'rtsp://h/cam1' });
    expect(verifyDigest(creds, ha1)).toBe(true);
    expect(verifyDigest({ ...creds, method: 'PLAY' }, ha1)).toBe(false);
    expect(verifyDigest(creds, digestHa1('vms', 'WINK Media Router', 'other'))).toBe(false);
    expect(verifyDigest({ ...creds, algorithm: 'SHA-256' }, ha1)).toBe(false);
  });

  it('rejects a Digest header missing a field, and tells Basic and Bearer apart', () => {
    const p = parseAuthorization('Digest username="x", nonce="n"') as { params: Map<string, string> };
    expect(digestCredentials(p.params, 'DESCRIBE')).toBeNull();
    expect(parseAuthorization(`Basic ${Buffer.from('u:p:q').toString('base64')}`)).toEqual({ scheme: 'basic', username: 'u', password: 'p:q' });
    expect(parseAuthorization('Bearer abc.def.ghi')).toEqual({ scheme: 'bearer', token: 'abc.def.ghi' });
    expect(parseAuthorization(undefined)).toBeNull();
  });

  it('issues nonces it can check later without state: fresh, stale after their lifetime, or forged', () => {
    let now = 1_000_000;
    const nonces = new DigestNonces(60_000, () => now);
    const n = nonces.issue();
    expect(nonces.check(n)).toBe('ok');
    now += 61_000;
    expect(nonces.check(n)).toBe('stale');
    const forged = `${n.slice(0, 40)}${'0'.repeat(24)}`;
    expect(nonces.check(forged)).toBe('invalid');
    expect(new DigestNonces(60_000, () => now).check(nonces.issue())).toBe('invalid'); // another key
    expect(nonces.check('zz')).toBe('invalid');
  });

  it('writes the challenge, with stale=TRUE when asked', () => {
    expect(digestChallenge('WINK Media Router', 'n1', true)).toBe('Digest realm="WINK Media Router", nonce="n1", stale=TRUE, algorithm=MD5');
  });
});
