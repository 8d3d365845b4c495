// Annex-B byte streams: NAL units separated by 00 00 01 / 00 00 00 01 start codes.

export const NAL_TYPE = {
  SLICE: 1,
  IDR: 5,
  SEI: 6,
  SPS: 7,
  PPS: 8,
  AUD: 9,
} as const;

/** Offsets of every start code's first payload byte, in order. */
function nalStarts(buf: Buffer, from = 0): number[] {
  const starts: number[] = [];
  for (let i = from; i + 2 < buf.length; i++) {
    if (buf[i + 2]! > 1) {
      i += 2; // neither of the next two positions can start 00 00 01
      continue;
    }
    if (buf[i] === 0 && buf[i + 1] === 0 && buf[i + 2] === 1) {
      starts.push(i + 3);
      i += 2;
    }
  }
  return starts;
}

/** Splits an Annex-B buffer into NAL units (views, start codes and trailing zeros removed). */
export function splitNalUnits(buf: Buffer): Buffer[] {
  const starts = nalStarts(buf);
  const out: Buffer[] = [];
  for (let k = 0; k < starts.length; k++) {
    const begin = starts[k]!;
    let end = k + 1 < starts.length ? starts[k + 1]! - 3 : buf.length;
    while (end > begin && buf[end - 1] === 0) end--; // 4-byte start codes, trailing_zero_bytes
    if (end > begin) out.push(buf.subarray(begin, end));
  }
  return out;
}

export function h264NalType(nal: Buffer): number {
  return nal[0]! & 0x1f;
}

export function h265NalType(nal: Buffer): number {
  return (nal[0]! >> 1) & 0x3f;
}

/**
 * The type of the first VCL (picture-carrying) NAL unit, scanning only as far as needed;
 * null when the buffer does not yet reach one. Used to decide whether a PES starts a
 * keyframe while only its first packets have arrived.
 */
export function firstVclNalType(buf: Buffer, codec: 'h264' | 'h265'): number | null {
  for (const s of nalStarts(buf)) {
    if (s >= buf.length) break;
    const t = codec === 'h264' ? buf[s]! & 0x1f : (buf[s]! >> 1) & 0x3f;
    if (codec === 'h264' ? t >= 1 && t <= 5 : t <= 31) return t;
  }
  return null;
}

/** IDR for H.264; IRAP (BLA/IDR/CRA) for H.265. */
export function isKeyframeNalType(type: number, codec: 'h264' | 'h265'): boolean {
  return codec === 'h264' ? type === NAL_TYPE.IDR : type >= 16 && type <= 23;
}

/** True when the access unit contains a keyframe picture. */
export function isKeyframeAccessUnit(au: Buffer, codec: 'h264' | 'h265'): boolean {
  const t = firstVclNalType(au, codec);
  return t !== null && isKeyframeNalType(t, codec);
}
