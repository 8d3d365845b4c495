import { describe, expect, it } from 'vitest';
import { MAX_PES_BYTES, parsePesHeader, PesAssembler, type Pes } from './pes';
import { packetize, pesPacket } from './testing/build-packets';
import { parseTsPacket } from './ts-packet';

function feed(asm: PesAssembler, packets: Buffer[]): void {
  for (const p of packets) {
    const pkt = parseTsPacket(p)!;
    asm.push(pkt.payload, pkt.pusi, pkt.randomAccess);
  }
}

describe('parsePesHeader', () => {
  it('reads a 33-bit PTS alone, and PTS with DTS', () => {
    const a = parsePesHeader(pesPacket(0xe0, Buffer.from([1, 2]), 2 ** 33 - 1))!;
    expect(a.pts).toBe(2 ** 33 - 1);
    expect(a.dts).toBeNull();
    expect(a.payloadOffset).toBe(14);
    const b = parsePesHeader(pesPacket(0xe0, Buffer.from([1, 2]), 183_003, 180_000))!;
    expect([b.pts, b.dts, b.payloadOffset]).toEqual([183_003, 180_000, 19]);
  });

  it('rejects what is not a PES start', () => {
    expect(parsePesHeader(Buffer.from([0, 0, 2, 0xe0, 0, 0, 0x80, 0, 0]))).toBeNull();
    expect(parsePesHeader(Buffer.from([0, 0, 1]))).toBeNull();
  });
});

describe('PesAssembler', () => {
  it('emits a bounded PES as soon as its declared length has arrived', () => {
    const out: Pes[] = [];
    const es = Buffer.alloc(500, 7);
    feed(new PesAssembler(0x101, (p) => out.push(p)), packetize(0x101, pesPacket(0xc0, es, 9000), { randomAccess: true }));
    expect(out).toHaveLength(1);
    expect(out[0]!.pts).toBe(9000);
    expect(out[0]!.randomAccess).toBe(true);
    expect(out[0]!.data.equals(es)).toBe(true);
  });

  it('emits an unbounded (video) PES when the next one starts', () => {
    const out: Pes[] = [];
    const asm = new PesAssembler(0x100, (p) => out.push(p));
    const a = Buffer.alloc(1000, 1);
    const b = Buffer.alloc(10, 2);
    feed(asm, packetize(0x100, pesPacket(0xe0, a, 3000, null, false)));
    expect(out).toHaveLength(0);
    feed(asm, packetize(0x100, pesPacket(0xe0, b, 6000, null, false), { cc: 6 }));
    expect(out.map((p) => p.pts)).toEqual([3000]);
    expect(out[0]!.data.equals(a)).toBe(true);
    asm.flush();
    expect(out.map((p) => p.data.length)).toEqual([1000, 10]);
  });

  it('ignores payload until the first PES start, and exposes the PES in progress', () => {
    const out: Pes[] = [];
    const asm = new PesAssembler(0x100, (p) => out.push(p));
    const packets = packetize(0x100, pesPacket(0xe0, Buffer.alloc(400, 3), 1, null, false));
    feed(asm, packets.slice(1));
    expect(asm.partial()).toBeNull();
    feed(asm, packets);
    expect(asm.partial()!.length).toBe(14 + 400);
    asm.drop();
    asm.flush();
    expect(out).toHaveLength(0);
  });

  it('drops a PES that grows past the size cap instead of growing memory', () => {
    const out: Pes[] = [];
    const asm = new PesAssembler(0x100, (p) => out.push(p));
    const start = packetize(0x100, pesPacket(0xe0, Buffer.alloc(100), 1, null, false))[0]!;
    feed(asm, [start]);
    const filler = parseTsPacket(packetize(0x100, Buffer.alloc(184))[0]!)!.payload;
    for (let i = 0; i <= MAX_PES_BYTES / 184; i++) asm.push(filler, false, false);
    expect(asm.partial()).toBeNull();
    asm.flush();
    expect(out).toHaveLength(0);
  });
});
