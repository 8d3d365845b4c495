import { describe, expect, it } from 'vitest';
import { TsDemuxer } from '../mpegts';
import { generateTs } from '../mpegts/testing/ffmpeg-ts';
import { audioSpecificConfig, parseAdtsHeader, splitAdtsFrames } from './adts';

/** An ADTS header for AAC-LC with the given frequency index, channels and frame length. */
function adts(freqIndex: number, channels: number, frameLength: number, crc = false): Buffer {
  const h = Buffer.alloc(crc ? 9 : 7);
  h[0] = 0xff;
  h[1] = 0xf0 | (crc ? 0 : 1);
  h[2] = (1 << 6) | (freqIndex << 2) | (channels >> 2);
  h[3] = ((channels & 3) << 6) | (frameLength >> 11);
  h[4] = (frameLength >> 3) & 0xff;
  h[5] = ((frameLength & 7) << 5) | 0x1f;
  h[6] = 0xfc;
  return h;
}

describe('ADTS', () => {
  it('reads object type, sample rate, channels and frame length', () => {
    expect(parseAdtsHeader(adts(3, 1, 300))).toEqual({
      objectType: 2,
      sampleRateIndex: 3,
      sampleRate: 48000,
      channelConfig: 1,
      frameLength: 300,
      headerLength: 7,
      blocks: 1,
    });
    expect(parseAdtsHeader(adts(4, 2, 20, true))!.headerLength).toBe(9);
  });

  it('rejects a missing sync word, a reserved sample rate and an impossible length', () => {
    expect(parseAdtsHeader(Buffer.from([0xff, 0xe1, 0, 0, 0, 0, 0]))).toBeNull();
    expect(parseAdtsHeader(adts(13, 1, 300))).toBeNull();
    expect(parseAdtsHeader(adts(3, 1, 5))).toBeNull();
  });

  it('splits concatenated frames and stops at a truncated one', () => {
    const frame = (n: number) => Buffer.concat([adts(3, 1, n), Buffer.alloc(n - 7, 0x21)]);
    const buf = Buffer.concat([frame(100), frame(50), frame(80).subarray(0, 40)]);
    expect(splitAdtsFrames(buf).map((f) => f.frame.length)).toEqual([100, 50]);
  });

  it('builds the AudioSpecificConfig players and SDP expect', () => {
    expect(audioSpecificConfig({ objectType: 2, sampleRateIndex: 3, channelConfig: 1 }).toString('hex')).toBe('1188');
    expect(audioSpecificConfig({ objectType: 2, sampleRateIndex: 4, channelConfig: 2 }).toString('hex')).toBe('1210');
  });

  it('reads ffmpeg’s AAC-LC mono 48 kHz frames, 1024 samples each', async () => {
    const ts = await generateTs({ seconds: 1 });
    const frames: ReturnType<typeof splitAdtsFrames> = [];
    const d = new TsDemuxer({ onPes: (p) => p.codec === 'aac' && frames.push(...splitAdtsFrames(p.data)) });
    d.feed(ts);
    d.flush();
    expect(frames.length).toBeGreaterThanOrEqual(46); // 48000 / 1024 per second
    for (const { header } of frames) {
      expect([header.objectType, header.sampleRate, header.channelConfig, header.blocks]).toEqual([2, 48000, 1, 1]);
    }
  });
});
