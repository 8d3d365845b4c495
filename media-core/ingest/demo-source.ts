// A demo camera: synthetic moving video with the camera's name and a running wall clock
// burned in, plus a tone, encoded to the codec policy and paced in real time. It lets the
// appliance be shown and tested without a camera network.

import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { aacMonoArgs, h264BaselineArgs, mpegtsStdoutArgs, quietFfmpegArgs } from './codec-policy';
import { escapeFilterOptionValue } from './filtergraph-escape';

/** How text gets onto demo video: by fontconfig name, by font file, or not at all. */
export type DemoOverlay =
  | { kind: 'fontconfig'; font: string }
  | { kind: 'fontfile'; path: string }
  | { kind: 'none'; reason: string };

export interface DetectOverlayOptions {
  /** fontconfig names to try first. */
  fonts?: readonly string[];
  /** Font files to try when fontconfig is unavailable. */
  fontFiles?: readonly string[];
  timeoutMs?: number;
}

const DEFAULT_FONTS = ['Sans'];
const DEFAULT_FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', // Debian, Ubuntu
  '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf', // Fedora
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf', // Arch
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf', // macOS
  '/Library/Fonts/Arial.ttf',
  'C:/Windows/Fonts/arial.ttf',
];

const overlayCache = new Map<string, Promise<DemoOverlay>>();

/**
 * Finds out once per ffmpeg binary whether drawtext works and with which font, so demo
 * cameras degrade to video without text instead of failing on a machine without fonts.
 */
export function detectDemoOverlay(ffmpegPath: string, opts: DetectOverlayOptions = {}): Promise<DemoOverlay> {
  const key = JSON.stringify([ffmpegPath, opts.fonts ?? null, opts.fontFiles ?? null]);
  let pending = overlayCache.get(key);
  if (!pending) {
    pending = detectOverlayUncached(ffmpegPath, opts);
    overlayCache.set(key, pending);
  }
  return pending;
}

async function detectOverlayUncached(ffmpegPath: string, opts: DetectOverlayOptions): Promise<DemoOverlay> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  let lastProblem = 'no font configured';
  for (const font of opts.fonts ?? DEFAULT_FONTS) {
    const overlay: TextOverlay = { kind: 'fontconfig', font };
    const problem = await tryDrawtext(ffmpegPath, overlay, timeoutMs);
    if (problem === null) return overlay;
    lastProblem = problem;
  }
  for (const file of opts.fontFiles ?? DEFAULT_FONT_FILES) {
    try {
      await access(file, constants.R_OK);
    } catch {
      continue;
    }
    const overlay: TextOverlay = { kind: 'fontfile', path: file };
    const problem = await tryDrawtext(ffmpegPath, overlay, timeoutMs);
    if (problem === null) return overlay;
    lastProblem = problem;
  }
  return { kind: 'none', reason: `ffmpeg cannot draw text: ${lastProblem}` };
}

/** Renders one tiny frame with drawtext; null when that worked, else what went wrong. */
function tryDrawtext(ffmpegPath: string, overlay: TextOverlay, timeoutMs: number): Promise<string | null> {
  const args = [
    ...quietFfmpegArgs(),
    '-f', 'lavfi',
    '-i', `color=size=160x90:rate=1,${drawtextFilter(overlay, { text: 'Ag 09:59', expand: false, size: 16, x: '4', y: '4' })}`,
    '-frames:v', '1',
    '-f', 'null', '-',
  ];
  return new Promise((resolve) => {
    execFile(ffmpegPath, args, { timeout: timeoutMs, killSignal: 'SIGKILL', windowsHide: true }, (err, _stdout, stderr) => {
      if (!err) {
        resolve(null);
        return;
      }
      const lastLine = stderr.trim().split('\n').pop();
      resolve(lastLine || err.message);
    });
  });
}

export interface DemoSourceOptions {
  /** Burned into the picture. */
  name: string;
  /** Picks the pattern and the tone, so tiles on the wall look and sound different. */
  variant?: number;
  overlay: DemoOverlay;
  width?: number;
  height?: number;
  fps?: number;
  videoBitrateKbps?: number;
}

export const DEMO_DEFAULTS = { width: 640, height: 360, fps: 15, videoBitrateKbps: 600 } as const;

/** ffmpeg arguments (without the binary) for one demo camera writing MPEG-TS to stdout. */
export function demoSourceArgs(opts: DemoSourceOptions): string[] {
  const width = opts.width ?? DEMO_DEFAULTS.width;
  const height = opts.height ?? DEMO_DEFAULTS.height;
  const fps = opts.fps ?? DEMO_DEFAULTS.fps;
  const variant = Math.abs(Math.trunc(opts.variant ?? hashName(opts.name)));

  const filters = [demoPattern(variant, width, height, fps)];
  if (opts.overlay.kind !== 'none') {
    const size = Math.max(12, Math.round(height / 15));
    filters.push(drawtextFilter(opts.overlay, { text: opts.name, expand: false, size, x: '12', y: '12' }));
    // %{localtime} is expanded by drawtext on every frame: a running wall clock.
    filters.push(drawtextFilter(opts.overlay, { text: '%{localtime:%F %T}', expand: true, size: Math.round(size * 0.8), x: 'w-tw-12', y: 'h-th-12' }));
  }
  // 4x beep once a second over a steady tone: audible, and handy for checking A/V sync.
  const toneHz = 330 + 110 * (variant % 4);

  return [
    ...quietFfmpegArgs(),
    // -re paces each lavfi input at its native rate; without it ffmpeg would generate as fast as the CPU allows.
    '-re', '-f', 'lavfi', '-i', filters.join(','),
    '-re', '-f', 'lavfi', '-i', `sine=frequency=${toneHz}:beep_factor=4:sample_rate=48000`,
    '-map', '0:v:0', '-map', '1:a:0',
    ...h264BaselineArgs({ fps, bitrateKbps: opts.videoBitrateKbps ?? DEMO_DEFAULTS.videoBitrateKbps, preset: 'ultrafast', threads: 1 }),
    ...aacMonoArgs({ fastCoder: true }),
    ...mpegtsStdoutArgs(),
  ];
}

/** Cheap lavfi sources that all move: test card with moving parts, or scrolling bars. */
function demoPattern(variant: number, width: number, height: number, fps: number): string {
  const base = `size=${width}x${height}:rate=${fps}`;
  switch (variant % 4) {
    case 0:
      return `testsrc2=${base}`;
    case 1:
      return `smptebars=${base},scroll=horizontal=0.004`;
    case 2:
      return `smptehdbars=${base},scroll=vertical=0.004`;
    default:
      return `pal75bars=${base},scroll=horizontal=-0.003`;
  }
}

interface TextSpec {
  text: string;
  /** Whether drawtext expands %{…} sequences (the clock) or prints the text as is (a name). */
  expand: boolean;
  size: number;
  x: string;
  y: string;
}

type TextOverlay = Exclude<DemoOverlay, { kind: 'none' }>;

function drawtextFilter(overlay: TextOverlay, spec: TextSpec): string {
  const font =
    overlay.kind === 'fontconfig'
      ? `font=${escapeFilterOptionValue(overlay.font)}`
      : `fontfile=${escapeFilterOptionValue(overlay.path)}`;
  const text = spec.text.replace(/[\p{Cc}]/gu, ' ');
  return [
    `drawtext=${font}`,
    `expansion=${spec.expand ? 'normal' : 'none'}`,
    `text=${escapeFilterOptionValue(text)}`,
    `fontsize=${spec.size}`,
    'fontcolor=white',
    'box=1',
    'boxcolor=black@0.6',
    `boxborderw=${Math.max(2, Math.round(spec.size / 4))}`,
    `x=${spec.x}`,
    `y=${spec.y}`,
  ].join(':');
}

function hashName(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return h;
}
