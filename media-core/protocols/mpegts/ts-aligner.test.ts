import { describe, expect, it } from 'vitest';
import { tsPacket } from './testing/build-packets';
import { TsAligner } from './ts-aligner';
import { packetPid, TS_PACKET_SIZE } from './ts-packet';

const packets = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => tsPacket({ pid: 0x100 + from + i, payload: Buffer.alloc(184, 0x47) }));

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

  it('finds packet boundaries after leading garbage, even garbage full of 0x47', () => {
    const garbage = Buffer.from([0x47, 1, 2, 0x47, 0x47, 9, 0x47, ...Buffer.alloc(300, 0x47)]);
    const a = new TsAligner();
    const pids = pushAll(a, Buffer.concat([Buffer.from([1, 2, 3]), garbage.subarray(0, 7), Buffer.concat(packets(10))]), 50);
    expect(pids).toEqual(packets(10).map((_, i) => 0x100 + i));
    expect(a.droppedBytes).toBe(10);
  });

  it('resynchronises after garbage in the middle and loses only the damaged packet', () => {
    const p = packets(10);
    const damaged = Buffer.concat([...p.slice(0, 4), Buffer.from('garbage!'), p[4]!.subarray(0, 100), ...p.slice(5)]);
    const pids = pushAll(new TsAligner(), damaged, 333);
    expect(pids).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9].map((i) => 0x100 + i));
  });

  it('never returns a partial packet and holds back less than three packets', () => {
    const a = new TsAligner();
    expect(a.push(Buffer.concat(packets(3)).subarray(0, 500)).length).toBe(0);
    expect(a.push(Buffer.alloc(0)).length).toBe(0);
    const out = a.push(Buffer.concat(packets(3)).subarray(500));
    expect(out.length).toBe(3 * TS_PACKET_SIZE);
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
