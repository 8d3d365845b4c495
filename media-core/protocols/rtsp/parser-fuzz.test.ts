// Fuzzing the request parser with random and mutated input: no exception may escape,
// and what it buffers stays within its limits whatever arrives.
import { describe, expect, it } from 'vitest';
import { RtspParser } from './parser';

/** Deterministic PRNG (mulberry32), so a failure reproduces. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS = [
  'OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n',
  'DESCRIBE rtsp://127.0.0.1:8554/cam1?token=abc RTSP/1.0\r\nCSeq: 2\r\nAccept: application/sdp\r\n\r\n',
  'SETUP rtsp://h/cam1/trackID=0 RTSP/1.0\r\nCSeq: 3\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n',
  'SET_PARAMETER rtsp://h/cam1 RTSP/1.0\r\nCSeq: 4\r\nSession: abc\r\nContent-Length: 10\r\n\r\nparam: x\r\n',
  '$\x01\x00\x08\x80\xc9\x00\x01\x00\x00\x00\x01',
];
const LIMITS = { maxHeaderBytes: 2048, maxBodyBytes: 4096 };
// One header section, one body and one interleaved frame is the most it may ever hold.
const MAX_BUFFERED = LIMITS.maxHeaderBytes + LIMITS.maxBodyBytes + 4 + 65535;

function mutate(r: () => number, input: Buffer): Buffer {
  const b = Buffer.from(input);
  const ops = 1 + Math.floor(r() * 6);
  let out = b;
  for (let i = 0; i < ops; i++) {
    const pos = Math.floor(r() * Math.max(1, out.length));
    const op = Math.floor(r() * 5);
    if (op === 0 && out.length > 0) out[pos] = Math.floor(r() * 256);
    else if (op === 1) out = Buffer.concat([out.subarray(0, pos), out.subarray(pos + 1 + Math.floor(r() * 8))]);
    else if (op === 2) out = Buffer.concat([out.subarray(0, pos), Buffer.from(SEEDS[Math.floor(r() * SEEDS.length)]!), out.subarray(pos)]);
    else if (op === 3) out = Buffer.concat([out.subarray(0, pos), Buffer.alloc(Math.floor(r() * 3000), r() < 0.5 ? 0x41 : 0x0a), out.subarray(pos)]);
    else out = Buffer.concat([out.subarray(0, pos), Buffer.from(['\r\n', ':', ' ', '$', 'Content-Length: 99999\r\n', 'RTSP/1.0'][Math.floor(r() * 6)]!), out.subarray(pos)]);
  }
  return out;
}

describe('RtspParser fuzz', () => {
  it('survives 2000 mutated and random streams fed in random splits, memory bounded', () => {
    const r = rng(0xc0ffee);
    for (let iter = 0; iter < 2000; iter++) {
      const p = new RtspParser(LIMITS);
      const parts: Buffer[] = [];
      const n = 1 + Math.floor(r() * 5);
      for (let k = 0; k < n; k++) {
        parts.push(r() < 0.2 ? Buffer.from(Array.from({ length: Math.floor(r() * 512) }, () => Math.floor(r() * 256))) : mutate(r, Buffer.from(SEEDS[Math.floor(r() * SEEDS.length)]!, 'latin1')));
      }
      const stream = Buffer.concat(parts);
      let pos = 0;
      while (pos < stream.length) {
        const size = 1 + Math.floor(r() * (r() < 0.3 ? 4 : 400));
        const out = p.push(stream.subarray(pos, pos + size));
        for (const o of out) {
          if (o.type === 'error') expect([400, 413, 505]).toContain(o.status);
          if (o.type === 'request') expect(o.request.body.length).toBeLessThanOrEqual(LIMITS.maxBodyBytes);
        }
        expect(p.bufferedBytes).toBeLessThanOrEqual(MAX_BUFFERED);
        pos += size;
      }
    }
  });

  it('holds no more than the header limit of a line that never ends', () => {
    const p = new RtspParser(LIMITS);
    const chunk = Buffer.alloc(100, 0x41);
    let failed = false;
    for (let i = 0; i < 1000 && !failed; i++) {
      failed = p.push(chunk).some((o) => o.type === 'error' && o.fatal);
      expect(p.bufferedBytes).toBeLessThanOrEqual(LIMITS.maxHeaderBytes + chunk.length);
    }
    expect(failed).toBe(true);
  });
});
