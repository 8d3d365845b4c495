import { describe, expect, it } from 'vitest';
import { maskCredentials } from './mask-credentials';

describe('maskCredentials', () => {
  it('hides user and password in a camera URL', () => {
    expect(maskCredentials('rtsp://admin:s3cr3t@10.1.2.3:554/stream1')).toBe('rtsp://***@10.1.2.3:554/stream1');
  });

  it('hides a user without a password', () => {
    expect(maskCredentials('open rtsp://admin@cam.local/x failed')).toBe('open rtsp://***@cam.local/x failed');
  });

  it('hides credentials of every URL in an ffmpeg stderr line', () => {
    const line = "[rtsp @ 0x55] rtsp://u:p%40ss@h/a: Connection refused; retry 'http://x:y@h2/b'";
    expect(maskCredentials(line)).toBe("[rtsp @ 0x55] rtsp://***@h/a: Connection refused; retry 'http://***@h2/b'");
  });

  it('hides a password that contains a raw @', () => {
    expect(maskCredentials('rtsp://admin:p@ss@cam/x')).toBe('rtsp://***@cam/x');
  });

  it('hides secrets passed as query parameters', () => {
    expect(maskCredentials('rtsp://cam/live?channel=1&user=admin&password=s3cr3t')).toBe('rtsp://cam/live?channel=1&user=***&password=***');
    expect(maskCredentials('https://cdn/x.m3u8?token=abc#t')).toBe('https://cdn/x.m3u8?token=***#t');
  });

  it('leaves URLs without credentials and plain text alone', () => {
    expect(maskCredentials('rtsp://10.1.2.3/stream user@example.org')).toBe('rtsp://10.1.2.3/stream user@example.org');
  });
});
