import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSourceArgs, detectDemoOverlay, resolveFfmpeg, resolveFfprobe, type DemoOverlay } from '../../media-core/ingest';

const run = promisify(execFile);

let ffmpegPath: string;
let ffprobePath: string;
let workDir: string;

beforeAll(async () => {
  ffmpegPath = (await resolveFfmpeg()).path;
  const probe = await resolveFfprobe(ffmpegPath);
  if (!probe) throw new Error('these tests need ffprobe');
  ffprobePath = probe;
  workDir = await mkdtemp(path.join(tmpdir(), 'wink-demo-source-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** Runs the demo args for one second of media into a file instead of stdout. */
async function renderOneSecond(args: string[], file: string): Promise<void> {
  expect(args.at(-1)).toBe('pipe:1');
  await run(ffmpegPath, [...args.slice(0, -1), '-t', '1', '-y', file], { timeout: 20_000 });
}

async function probeStreams(file: string): Promise<Array<Record<string, unknown>>> {
  const { stdout } = await run(ffprobePath, ['-v', 'error', '-show_streams', '-of', 'json', file]);
  return JSON.parse(stdout).streams;
}

describe('detectDemoOverlay', () => {
  it('finds a way to draw text on this machine', async () => {
    const overlay = await detectDemoOverlay(ffmpegPath);
    expect(overlay.kind).not.toBe('none');
  });

  it('falls back to no text when this ffmpeg cannot draw text, saying why', async () => {
    // An ffmpeg built without libfreetype, as some minimal builds are.
    const withoutDrawtext = path.join(workDir, 'ffmpeg-without-drawtext');
    await writeFile(withoutDrawtext, "#!/bin/sh\necho \"[AVFilterGraph @ 0x1] No such filter: 'drawtext'\" >&2\nexit 1\n");
    await chmod(withoutDrawtext, 0o755);
    const overlay = await detectDemoOverlay(withoutDrawtext, { fontFiles: [path.join(workDir, 'missing.ttf'), withoutDrawtext] });
    expect(overlay).toEqual({ kind: 'none', reason: "ffmpeg cannot draw text: [AVFilterGraph @ 0x1] No such filter: 'drawtext'" });
  });

  const debianFont = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
  it.skipIf(!existsSync(debianFont))('uses a font file when fontconfig has no font by that name', async () => {
    const fontFile = debianFont;
    const overlay = await detectDemoOverlay(ffmpegPath, { fonts: [], fontFiles: [path.join(workDir, 'missing.ttf'), fontFile] });
    expect(overlay).toEqual({ kind: 'fontfile', path: fontFile });
  });
});

describe('demoSourceArgs', () => {
  it('keeps names with quotes, colons, commas, brackets and percent signs intact for every pattern', async () => {
    const overlay = await detectDemoOverlay(ffmpegPath);
    const name = `Gate 7: it's [north], 50%; c:\\x %{pts}`;
    await Promise.all(
      [0, 1, 2, 3].map(async (variant) => {
        const file = path.join(workDir, `variant-${variant}.ts`);
        await renderOneSecond(demoSourceArgs({ name, variant, overlay }), file);
        const streams = await probeStreams(file);
        expect(streams.map((s) => s.codec_name)).toEqual(['h264', 'aac']);
      }),
    );
  });

  it('still produces video and audio without text when drawtext is unavailable', async () => {
    const overlay: DemoOverlay = { kind: 'none', reason: 'test' };
    const args = demoSourceArgs({ name: 'No text', overlay });
    expect(args.join(' ')).not.toContain('drawtext');
    const file = path.join(workDir, 'no-text.ts');
    await renderOneSecond(args, file);
    const streams = await probeStreams(file);
    expect(streams[0]).toMatchObject({ codec_name: 'h264', profile: 'Constrained Baseline', width: 640, height: 360 });
    expect(streams[1]).toMatchObject({ codec_name: 'aac', channels: 1, sample_rate: '48000' });
  });

  it('paces generation in real time, writes MPEG-TS to stdout and never reads stdin', () => {
    const args = demoSourceArgs({ name: 'Cam', overlay: { kind: 'none', reason: 'test' } });
    expect(args.filter((a) => a === '-re')).toHaveLength(2);
    expect(args.slice(-3)).toEqual(['-f', 'mpegts', 'pipe:1']);
    expect(args).toContain('-nostdin');
    expect(args.join(' ')).toMatch(/-g 30 -keyint_min 30/);
    expect(args.join(' ')).toContain('-sc_threshold 0');
  });

  it('gives different cameras different patterns and tones', () => {
    const overlay: DemoOverlay = { kind: 'none', reason: 'test' };
    const inputs = [0, 1, 2, 3].map((variant) =>
      demoSourceArgs({ name: 'Cam', variant, overlay }).filter((_, i, all) => all[i - 1] === '-i').join(' | '),
    );
    expect(new Set(inputs).size).toBe(4);
  });
});
