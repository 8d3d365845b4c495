import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFfmpegVersion, resolveFfmpeg, resolveFfprobe } from '../../media-core/ingest';

const absentPackage = async (): Promise<unknown> => {
  throw Object.assign(new Error("Cannot find module 'ffmpeg-static'"), { code: 'MODULE_NOT_FOUND' });
};

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'wink-ffmpeg-path-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('resolveFfmpeg', () => {
  it('finds a working ffmpeg on this machine and reads its version', async () => {
    const found = await resolveFfmpeg();
    expect(['FFMPEG_PATH', 'ffmpeg-static', 'PATH']).toContain(found.source);
    expect(path.isAbsolute(found.path)).toBe(true);
    expect(found.version).toMatch(/\S/);
  });

  it('uses FFMPEG_PATH first when it points at a working ffmpeg', async () => {
    const real = await resolveFfmpeg({ env: { PATH: process.env.PATH }, loadFfmpegStatic: absentPackage });
    const found = await resolveFfmpeg({ env: { FFMPEG_PATH: real.path, PATH: '' }, loadFfmpegStatic: absentPackage });
    expect(found).toEqual({ path: real.path, source: 'FFMPEG_PATH', version: real.version });
  });

  it('falls through to PATH when FFMPEG_PATH points at a file that does not exist', async () => {
    const found = await resolveFfmpeg({
      env: { FFMPEG_PATH: path.join(workDir, 'missing', 'ffmpeg'), PATH: process.env.PATH },
      loadFfmpegStatic: absentPackage,
    });
    expect(found.source).toBe('PATH');
    expect(path.basename(found.path)).toMatch(/^ffmpeg(\.exe)?$/);
  });

  it('rejects a candidate that is not ffmpeg', async () => {
    const fake = path.join(workDir, 'not-ffmpeg');
    await writeFile(fake, '#!/bin/sh\necho hello\n');
    await chmod(fake, 0o755);
    const found = await resolveFfmpeg({ env: { FFMPEG_PATH: fake, PATH: process.env.PATH }, loadFfmpegStatic: absentPackage });
    expect(found.source).toBe('PATH');
  });

  it('throws naming all three places and what was wrong with each when there is no ffmpeg', async () => {
    const missing = path.join(workDir, 'missing', 'ffmpeg');
    const attempt = resolveFfmpeg({ env: { FFMPEG_PATH: missing, PATH: '' }, loadFfmpegStatic: absentPackage });
    await expect(attempt).rejects.toThrow(/ffmpeg was not found/);
    const message = await attempt.catch((err: Error) => err.message);
    expect(message).toContain(`FFMPEG_PATH (${missing}): file not found`);
    expect(message).toContain('ffmpeg-static: package not installed');
    expect(message).toContain('PATH: no executable named ffmpeg');
    expect(message).toMatch(/apt install ffmpeg/);
  });

  it('explains an installed ffmpeg-static whose binary is missing', async () => {
    const attempt = resolveFfmpeg({
      env: { PATH: '' },
      loadFfmpegStatic: async () => ({ default: path.join(workDir, 'node_modules', 'ffmpeg-static', 'ffmpeg') }),
    });
    const message = await attempt.catch((err: Error) => err.message);
    expect(message).toContain('FFMPEG_PATH: not set');
    expect(message).toContain('ffmpeg-static: package installed but its binary is missing at');
  });
});

describe('resolveFfprobe', () => {
  it('finds ffprobe next to ffmpeg', async () => {
    const ffmpeg = await resolveFfmpeg();
    const ffprobe = await resolveFfprobe(ffmpeg.path, { env: { PATH: '' } });
    expect(ffprobe).toBe(path.join(path.dirname(ffmpeg.path), path.basename(ffmpeg.path).replace('ffmpeg', 'ffprobe')));
  });

  it('returns null when there is none anywhere', async () => {
    expect(await resolveFfprobe(path.join(workDir, 'ffmpeg'), { env: { FFPROBE_PATH: path.join(workDir, 'nope'), PATH: '' } })).toBeNull();
  });
});

describe('parseFfmpegVersion', () => {
  it('reads release, distribution and git build versions', () => {
    expect(parseFfmpegVersion('ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026')).toBe('5.1.9-0+deb12u1');
    expect(parseFfmpegVersion('ffmpeg version 6.1.1-static https://johnvansickle.com/ffmpeg/')).toBe('6.1.1-static');
    expect(parseFfmpegVersion('ffmpeg version N-113000-g1234abcd Copyright')).toBe('N-113000-g1234abcd');
    expect(parseFfmpegVersion('something else')).toBeNull();
  });
});
