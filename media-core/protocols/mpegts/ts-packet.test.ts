import { describe, expect, it } from 'vitest';
import { tsPacket } from './testing/build-packets';
import { packetPid, packetPusi, parseTsPacket, TS_PACKET_SIZE } from './ts-packet';

describe('parseTsPacket', () => {
  it('reads PID, PUSI, continuity counter and a full payload', () => {
    const payload = Buffer.alloc(184, 0xab);
    const p = parseTsPacket(tsPacket({ pid: 0x100, pusi: true, cc: 7, payload }))!;
    expect(p.pid).toBe(0x100);
    expect(p.pusi).toBe(true);
    expect(p.continuityCounter).toBe(7);
    expect(p.hasPayload).toBe(true);
    expect(p.randomAccess).toBe(false);
    expect(p.payload.equals(payload)).toBe(true);
  });

  it('skips the adaptation field and reads its random-access, discontinuity and PCR', () => {
    const payload = Buffer.from('hello');
    const p = parseTsPacket(tsPacket({ pid: 0x1ffe, randomAccess: true, discontinuity: true, pcrBase: 2 ** 33 - 1, payload }))!;
    expect(p.pid).toBe(0x1ffe);
    expect(p.pusi).toBe(false);
    expect(p.randomAccess).toBe(true);
    expect(p.discontinuity).toBe(true);
    expect(p.pcr).toBe((2 ** 33 - 1) * 300);
    expect(p.payload.equals(payload)).toBe(true);
  });

  it('reports an adaptation-only packet as carrying no payload', () => {
    const pkt = tsPacket({ pid: 0x101, pcrBase: 900 });
    const p = parseTsPacket(pkt)!;
    expect(p.hasPayload).toBe(false);
    expect(p.payload.length).toBe(0);
  });

  it('rejects a packet without sync byte, a truncated packet and an oversized adaptation field', () => {
    const good = tsPacket({ pid: 1, payload: Buffer.alloc(184) });
    expect(parseTsPacket(Buffer.concat([Buffer.from([0]), good]))).toBeNull();
    expect(parseTsPacket(good.subarray(0, 100))).toBeNull();
    const bad = Buffer.from(good);
    bad[3] = 0x30;
    bad[4] = 200;
    expect(parseTsPacket(bad)).toBeNull();
  });

  it('reads packets at an offset and offers cheap PID/PUSI peeks', () => {
    const two = Buffer.concat([tsPacket({ pid: 5 }), tsPacket({ pid: 0x1234 & 0x1fff, pusi: true })]);
    expect(parseTsPacket(two, TS_PACKET_SIZE)!.pid).toBe(0x1234);
    expect(packetPid(two, TS_PACKET_SIZE)).toBe(0x1234);
    expect(packetPusi(two, 0)).toBe(false);
    expect(packetPusi(two, TS_PACKET_SIZE)).toBe(true);
  });
});
