import { SAMPLES_PER_FRAME, splitAdtsFrames } from '../protocols/aac';
import { isKeyframeAccessUnit } from '../protocols/h264';
import { ptsDelta, TimestampUnwrapper, type DemuxedPes } from '../protocols/mpegts';
import type { AccessUnit } from './types';

/**
 * Turns demuxed PES packets into access units: one per video PES (encoders put one
 * picture per PES), one per ADTS frame for audio (a PES often bundles several), each with
 * its own timestamp. All streams share one unwrapper because they share one clock.
 */
export class AccessUnitBuilder {
  private readonly clock = new TimestampUnwrapper();

  fromPes(pes: DemuxedPes): AccessUnit[] {
    if (pes.pts === null) return [];
    const dtsRaw = pes.dts ?? pes.pts;
    const dts = this.clock.unwrap(dtsRaw);
    const pts = dts + ptsDelta(pes.pts, dtsRaw);
    if (pes.codec === 'h264' || pes.codec === 'h265') {
      const keyframe = pes.randomAccess || isKeyframeAccessUnit(pes.data, pes.codec);
      return [{ kind: 'video', codec: pes.codec, pts, dts, keyframe, data: pes.data }];
    }
    if (pes.codec === 'aac') return audioUnits(pes.data, pts);
    return [];
  }

  reset(): void {
    this.clock.reset();
  }
}

function audioUnits(data: Buffer, pts: number): AccessUnit[] {
  const out: AccessUnit[] = [];
  let samples = 0;
  for (const { header, frame } of splitAdtsFrames(data)) {
    const t = pts + Math.round((samples * 90000) / header.sampleRate);
    out.push({ kind: 'audio', codec: 'aac', pts: t, dts: t, keyframe: true, data: frame });
    samples += SAMPLES_PER_FRAME * header.blocks;
  }
  return out;
}
