import { describe, expect, it } from 'vitest';
import { publicAuthority, splitAddress, streamUrls } from './streamUrls';

const listeners = { console: '127.0.0.1:8090', http: '0.0.0.0:8080', rtsp: '0.0.0.0:8554' };

describe('ready-to-copy stream URLs', () => {
  it('puts the token in the HLS and RTSP URLs, on the host the console was opened from', () => {
    const urls = streamUrls({ listeners, consoleHost: 'router.agency.gov', camera: 'camera-42', auth: ['otp'], token: '2481+4928' });
    expect(urls.map((u) => u.url)).toEqual([
      'http://router.agency.gov:8080/hls/camera-42/playlist.m3u8?token=2481%2B4928',
      'rtsp://router.agency.gov:8554/camera-42?token=2481%2B4928',
    ]);
  });

  it('offers token-free URLs to an allow-listed partner, and none to a token partner without a token', () => {
    expect(streamUrls({ listeners, consoleHost: 'h', camera: 'c', auth: ['ip'], token: null }).map((u) => u.url)).toEqual([
      'http://h:8080/hls/c/playlist.m3u8',
      'rtsp://h:8554/c',
    ]);
    expect(streamUrls({ listeners, consoleHost: 'h', camera: 'c', auth: ['otp'], token: null })).toEqual([]);
  });

  it('adds RTMP and SRT where the core runs them and the partner may use them', () => {
    const all = { ...listeners, rtmp: '0.0.0.0:1935', srt: '0.0.0.0:9000' };
    const urls = streamUrls({ listeners: all, consoleHost: 'h', camera: 'c', auth: ['otp', 'srt_key'], token: 't' });
    expect(urls.map((u) => u.protocol)).toEqual(['hls', 'rtsp', 'rtmp', 'srt']);
    expect(urls[2]?.url).toBe('rtmp://h:1935/live/c?token=t');
    expect(urls[3]?.url).toBe('srt://h:9000?streamid=%23!%3A%3Ar%3Dc%2Cm%3Drequest&passphrase=<SRT key>');
  });

  it('keeps a specific listen address and brackets IPv6', () => {
    expect(publicAuthority('10.1.2.3:8080', 'console.local')).toBe('10.1.2.3:8080');
    expect(publicAuthority('[::]:8080', 'fd00::5')).toBe('[fd00::5]:8080');
    expect(publicAuthority('[fd00::7]:554', 'x')).toBe('[fd00::7]:554');
    expect(splitAddress('nonsense')).toBeNull();
  });

  it('gives an https URL for HLS when the partner listener speaks TLS', () => {
    const urls = streamUrls({ listeners: { http: '0.0.0.0:8443' }, consoleHost: 'router.agency.gov', camera: 'cam-1', auth: ['otp'], token: 't1', partnerTls: true });
    expect(urls.find((u) => u.protocol === 'hls')?.url).toBe('https://router.agency.gov:8443/hls/cam-1/playlist.m3u8?token=t1');
  });
});
