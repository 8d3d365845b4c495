import { describe, expect, it } from 'vitest';
import { isKeyframeAccessUnit } from '../protocols/h264';
import { packetPid, STREAM_TYPE, TS_PACKET_SIZE, TsDemuxer } from '../protocols/mpegts';
import { packetize, patPayload, pesPacket, pmtPayload, tsPacket } from '../protocols/mpegts/testing/build-packets';
import { TsBatcher, type KeyStream } from './ts-batcher';

/** Batcher wired to a demuxer the way CameraStream wires them. */
function harness() {
  const batches: Array<{ pids: number[]; key: boolean }> = [];
  let key: KeyStream | null = null;
  let lastKey = false;
  const demuxer = new TsDemuxer({
    onProgram: (s) => (key = { pid: s[0]!.pid, codec: 'h264' }),
    onPes: (p) => (lastKey = isKeyframeAccessUnit(p.data, 'h264')),
  });
  const batcher = new TsBatcher(
    { keyStream: () => key, partialPes: (pid) => demuxer.partialPes(pid), lastPesWasKeyframe: () => lastKey },
    (b, k) => batches.push({ pids: Array.from({ length: b.length / TS_PACKET_SIZE }, (_, i) => packetPid(b, i * TS_PACKET_SIZE)), key: k }),
  );
  const push = (packets: Buffer[]) => {
    const buf = Buffer.concat(packets);
    for (let off = 0; off < buf.length; off += TS_PACKET_SIZE) {
      demuxer.feedPacket(buf, off);
      batcher.packet(buf, off);
    }
    batcher.endOfChunk();
  };
  return { batches, push };
}

const psi = [
  tsPacket({ pid: 0, pusi: true, payload: patPayload([{ programNumber: 1, pmtPid: 0x1000 }]) }),
  tsPacket({ pid: 0x1000, pusi: true, payload: pmtPayload(0x100, [{ streamType: STREAM_TYPE.H264, pid: 0x100 }, { streamType: STREAM_TYPE.AAC_ADTS, pid: 0x101 }]) }),
];
const audio = () => tsPacket({ pid: 0x101, cc: 0, payload: Buffer.alloc(184) });
/** AUD, a long SEI (so the slice starts two packets in), then an IDR or P slice. */
const frame = (idr: boolean, bounded = false, seiBytes = 400, sliceBytes = 300) =>
  pesPacket(
    0xe0,
    Buffer.concat([
      Buffer.from([0, 0, 0, 1, 0x09, 0xf0, 0, 0, 1, 0x06]),
      Buffer.alloc(seiBytes, 0x55),
      Buffer.from([0, 0, 1, idr ? 0x65 : 0x41]),
      Buffer.alloc(sliceBytes, 0x22),
    ]),
    9000,
    null,
    bounded,
  );

describe('TsBatcher', () => {
  it('starts a batch at an IDR found only in a later packet, keeping interleaved packets in order', () => {
    const h = harness();
    const [v1, v2, v3, v4] = packetize(0x100, frame(true));
    h.push([...psi, v1!, audio(), v2!]);
    expect(h.batches).toEqual([{ pids: [0, 0x1000], key: false }]); // the IDR's start is held back
    h.push([v3!, v4!]);
    h.push([audio()]);
    expect(h.batches.slice(1)).toEqual([
      { pids: [0x100, 0x101, 0x100, 0x100, 0x100], key: true },
      { pids: [0x101], key: false },
    ]);
  });

  it('does not mark a P frame as a keyframe', () => {
    const h = harness();
    h.push([...psi, ...packetize(0x100, frame(false)), audio()]);
    expect(h.batches.map((b) => b.key)).toEqual([false, false]);
  });

  it('decides by the completed PES when a short bounded PES ends before its slice is seen', () => {
    const h = harness();
    const [only, ...rest] = packetize(0x100, frame(true, true, 0, 100));
    expect(rest).toHaveLength(0); // the whole PES fits, and completes, in one packet
    h.push([...psi, only!]);
    expect(h.batches.at(-1)).toEqual({ pids: [0x100], key: true });
  });
});
