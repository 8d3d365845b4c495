import { describe, expect, it } from 'vitest';
import { tsPacket } from './testing/build-packets';
import { TsAligner } from './ts-aligner';
import { packetPid, TS_PACKET_SIZE } from './ts-packet';

// Payload bytes count up, so 0x47 appears inside packets too, as in real media.
const payload = Buffer.from(Array.from({ length: 184 }, (_, i) => (i * 7) & 0xff));
const packets = (n: number, from = 0) => Array.from({ length: n }, (_, i) => tsPacket({ pid: 0x100 + from + i, payload }));

function pidsOf(buf: Buffer): number[] {
  const out: number[] = [];
  for (let o = 0; o < buf.length; o += TS_PACKET_SIZE) out.push(packetPid(buf, o));
  return out;
}

function pushAll(a: TsAligner, bytes: Buffer, step: number): number[] {
  const pids: number[] = [];
  for (let o = 0; o < bytes.length; o += step) pids.push(...pidsOf(a.push(bytes.subarray(o, o + step))));
  return pids;
}

describe('TsAligner', () => {
  it('reassembles whole packets from pieces of any size', () => {
    const stream = Buffer.concat(packets(20));
    for (const step of [1, 7, 187, 188, 189, 1000, 5000]) {
      expect(pushAll(new TsAligner(), stream, step), `step ${step}`).toEqual(packets(20).map((_, i) => 0x100 + i));
    }
  });

  it('finds packet boundaries after leading garbage with stray sync bytes in it', () => {
    const garbage = Buffer.from([1, 2, 3, 0x47, 1, 2, 0x47, 0x47, 9, 0x47]);
    const a = new TsAligner();
    const pids = pushAll(a, Buffer.concat([garbage, Buffer.concat(packets(10))]), 50);
    expect(pids).toEqual(packets(10).map((_, i) => 0x100 + i));
    expect(a.droppedBytes).toBe(10);
  });

  it('resynchronises after garbage in the middle and loses only the damaged packet', () => {
    const p = packets(10);
    const damaged = Buffer.concat([...p.slice(0, 4), Buffer.from('garbage!'), p[4]!.subarray(0, 100), ...p.slice(5)]);
    const pids = pushAll(new TsAligner(), damaged, 333);
    expect(pids).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9].map((i) => 0x100 + i));
  });

  it('never returns a partial packet', () => {
    const a = new TsAligner();
    const three = Buffer.concat(packets(3));
    // Three sync bytes 188 apart are visible in 500 bytes: two whole packets come out.
    expect(a.push(three.subarray(0, 500)).length).toBe(2 * TS_PACKET_SIZE);
    expect(a.push(Buffer.alloc(0)).length).toBe(0);
    expect(pidsOf(a.push(three.subarray(500)))).toEqual([0x102]);
  });

  it('forgets a partial packet on reset', () => {
    const a = new TsAligner();
    pushAll(a, Buffer.concat(packets(4)), 188 * 4);
    a.push(packets(1)[0]!.subarray(0, 50));
    a.reset();
    expect(pidsOf(a.push(Buffer.concat(packets(3, 10))))).toEqual([0x10a, 0x10b, 0x10c]);
  });

  it('returns buffers the caller may keep while it reuses its chunk', () => {
    const a = new TsAligner();
    const chunk = Buffer.concat(packets(4));
    const out = a.push(chunk);
    chunk.fill(0);
    expect(pidsOf(out)).toEqual([0x100, 0x101, 0x102, 0x103]);
  });
});
