import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileStillInside, parseSourceUrl } from './source-url';

const base = mkdtempSync(join(tmpdir(), 'wink-src-'));
const media = join(base, 'media');
mkdirSync(media);
writeFileSync(join(media, 'clip.ts'), '');
writeFileSync(join(base, 'secret.txt'), '');
const rules = { fileDir: media };

const accepted = (raw: string, creds?: { username?: string; password?: string }) => {
  const r = parseSourceUrl(raw, rules, creds);
  if (!r.ok) throw new Error(`refused ${raw}: ${r.message}`);
  return r.source;
};
const refusal = (raw: string, r: { fileDir: string | null } = rules) => {
  const out = parseSourceUrl(raw, r);
  if (out.ok) throw new Error(`accepted ${raw}`);
  return out.message;
};

describe('parseSourceUrl', () => {
  it('accepts the camera schemes, keeping credentials out of the display address', () => {
    const s = accepted('rtsp://admin:s3cret@10.1.2.3:554/Streaming/Channels/101?transportmode=unicast&profile=Profile_1');
    expect(s).toMatchObject({ scheme: 'rtsp', username: 'admin', password: 's3cret' });
    expect(s.url).toBe('rtsp://admin:s3cret@10.1.2.3:554/Streaming/Channels/101?transportmode=unicast&profile=Profile_1');
    expect(s.display).toBe('rtsp://10.1.2.3:554/Streaming/Channels/101?transportmode=unicast&profile=Profile_1');
    expect(accepted('rtmp://media.local/live/cam1').scheme).toBe('rtmp');
    expect(accepted('https://cdn.example.org/cam/index.m3u8').scheme).toBe('https');
    expect(accepted('http://192.168.0.20/mjpg/video.mjpg').scheme).toBe('http');
    expect(accepted('rtsp://[fd00::12]:8554/cam').display).toBe('rtsp://[fd00::12]:8554/cam');
  });

  it('takes a password with special characters from the password field, percent-encoded for ffmpeg', () => {
    const s = accepted('rtsp://cam.local/live', { username: 'op', password: 'p@ss:w#rd $(x)' });
    expect(s.password).toBe('p@ss:w#rd $(x)');
    expect(s.url).toBe('rtsp://op:p%40ss%3Aw%23rd%20%24(x)@cam.local/live');
    expect(accepted('rtsp://u:p%40ss@cam/x').password).toBe('p@ss');
  });

  it.each([
    ['rtsp://cam/x;reboot', /characters a camera address never needs/],
    ['rtsp://cam/$(reboot)', /characters a camera address never needs/],
    ['rtsp://cam/x`id`', /characters a camera address never needs/],
    ['rtsp://cam/x|nc attacker 1', /spaces or control characters/],
    ['rtsp://cam/x\nother', /spaces or control characters/],
    ['rtsp://ca&m/x', /not a valid host name/],
    ['concat:a.ts|b.ts', /unsupported source type "concat:"/],
    ['subfile:,start,0,end,0,:/etc/passwd', /unsupported source type "subfile:"/],
    ['pipe:0', /unsupported source type "pipe:"/],
    ['data:video/mp2t;base64,AAAA', /unsupported source type "data:"/],
    ['ftp://cam/x', /unsupported source type "ftp:"/],
    ['/etc/passwd', /unsupported source type: use rtsp/],
    ['rtsp:cam/x', /starts with rtsp:\/\//],
    ['rtsp://cam:99999/x', /not a valid URL/],
    ['rtsp:///x', /no host/],
    ['rtsp://cam/x#frag', /must not contain "#"/],
    ['rtsp://:pw@cam/x', /a password needs a username/],
  ])('refuses %s', (raw, message) => {
    expect(refusal(raw)).toMatch(message);
  });

  it('accepts files inside the media folder only', () => {
    expect(accepted(`file://${join(media, 'clip.ts')}`).url).toBe(`file:${join(media, 'clip.ts')}`);
    expect(accepted('file:clip.ts').url).toBe(`file:${join(media, 'clip.ts')}`);
    expect(refusal(`file://${join(base, 'secret.txt')}`)).toMatch(/must be inside the media folder/);
    expect(refusal(`file://${media}/../secret.txt`)).toMatch(/must be inside the media folder/);
    expect(refusal('file:../secret.txt')).toMatch(/must be inside the media folder/);
    expect(refusal('file:///etc/passwd')).toMatch(/must be inside the media folder/);
    expect(refusal(`file://${media}`)).toMatch(/must be inside the media folder/);
    expect(refusal(`file://${join(media, 'clip.ts')}`, { fileDir: null })).toMatch(/turned off/);
  });

  it('refuses a link inside the media folder that points outside it', () => {
    symlinkSync(join(base, 'secret.txt'), join(media, 'link.ts'));
    expect(refusal('file:link.ts')).toMatch(/must be inside the media folder/);
    expect(fileStillInside(media, join(media, 'link.ts'))).toBe(false);
    expect(fileStillInside(media, join(media, 'clip.ts'))).toBe(true);
  });
});
