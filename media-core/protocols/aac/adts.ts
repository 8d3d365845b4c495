// ADTS headers (ISO/IEC 13818-7 §6.2 / 14496-3 §1.A.2): the framing AAC uses in MPEG-TS.

export const SAMPLE_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];
export const SAMPLES_PER_FRAME = 1024;

export interface AdtsHeader {
  /** Audio object type (profile + 1): 2 = AAC-LC. */
  objectType: number;
  sampleRateIndex: number;
  sampleRate: number;
  channelConfig: number;
  /** Whole frame length including this header. */
  frameLength: number;
  headerLength: 7 | 9;
  /** raw_data_blocks in the frame; each holds 1024 samples. */
  blocks: number;
}

/** Parses the ADTS header at `offset`; null if there is no valid header there. */
export function parseAdtsHeader(buf: Buffer, offset = 0): AdtsHeader | null {
  if (offset + 7 > buf.length) return null;
  if (buf[offset] !== 0xff || (buf[offset + 1]! & 0xf6) !== 0xf0) return null; // sync + layer 00
  const protectionAbsent = buf[offset + 1]! & 0x01;
  const b2 = buf[offset + 2]!;
  const sampleRateIndex = (b2 >> 2) & 0x0f;
  const sampleRate = SAMPLE_RATES[sampleRateIndex];
  if (sampleRate === undefined) return null;
  const channelConfig = ((b2 & 0x01) << 2) | (buf[offset + 3]! >> 6);
  const frameLength = ((buf[offset + 3]! & 0x03) << 11) | (buf[offset + 4]! << 3) | (buf[offset + 5]! >> 5);
  const headerLength = protectionAbsent ? 7 : 9;
  if (frameLength < headerLength) return null;
  return {
    objectType: (b2 >> 6) + 1,
    sampleRateIndex,
    sampleRate,
    channelConfig,
    frameLength,
    headerLength,
    blocks: (buf[offset + 6]! & 0x03) + 1,
  };
}

export interface AdtsFrame {
  header: AdtsHeader;
  /** The whole frame, header included (a view). */
  frame: Buffer;
}

/** Splits concatenated ADTS frames; stops at the first bad or truncated frame. */
export function splitAdtsFrames(buf: Buffer): AdtsFrame[] {
  const out: AdtsFrame[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const header = parseAdtsHeader(buf, pos);
    if (!header || pos + header.frameLength > buf.length) break;
    out.push({ header, frame: buf.subarray(pos, pos + header.frameLength) });
    pos += header.frameLength;
  }
  return out;
}

/** The 2-byte AudioSpecificConfig (RTSP `config=`, FLV sequence header, MP4 esds). */
export function audioSpecificConfig(h: Pick<AdtsHeader, 'objectType' | 'sampleRateIndex' | 'channelConfig'>): Buffer {
  const v = (h.objectType << 11) | (h.sampleRateIndex << 7) | (h.channelConfig << 3);
  return Buffer.from([v >> 8, v & 0xff]);
}
