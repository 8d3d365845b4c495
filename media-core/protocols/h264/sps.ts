import { BitReader, toRbsp } from './bit-reader';

export interface H264Sps {
  profileIdc: number;
  /** constraint_set0..5 flags as the byte that carries them. */
  constraintFlags: number;
  levelIdc: number;
  /** e.g. 'Constrained Baseline', 'Main', 'High'. */
  profile: string;
  /** e.g. '3.1'. */
  level: string;
  width: number;
  height: number;
}

// Profiles whose SPS carries chroma format, bit depth and scaling lists.
const HIGH_PROFILES = new Set([100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135]);

/** Parses an H.264 SPS NAL unit (header byte included). Throws on a truncated SPS. */
export function parseH264Sps(nal: Buffer): H264Sps {
  const r = new BitReader(toRbsp(nal.subarray(1)));
  const profileIdc = r.bits(8);
  const constraintFlags = r.bits(8);
  const levelIdc = r.bits(8);
  r.ue(); // seq_parameter_set_id
  let chromaFormatIdc = 1;
  let separateColourPlane = 0;
  if (HIGH_PROFILES.has(profileIdc)) {
    chromaFormatIdc = r.ue();
    if (chromaFormatIdc === 3) separateColourPlane = r.bit();
    r.ue(); // bit_depth_luma_minus8
    r.ue(); // bit_depth_chroma_minus8
    r.bit(); // qpprime_y_zero_transform_bypass_flag
    if (r.bit()) skipScalingLists(r, chromaFormatIdc === 3 ? 12 : 8);
  }
  r.ue(); // log2_max_frame_num_minus4
  const pocType = r.ue();
  if (pocType === 0) {
    r.ue(); // log2_max_pic_order_cnt_lsb_minus4
  } else if (pocType === 1) {
    r.bit(); // delta_pic_order_always_zero_flag
    r.se(); // offset_for_non_ref_pic
    r.se(); // offset_for_top_to_bottom_field
    const n = r.ue();
    for (let i = 0; i < n; i++) r.se();
  }
  r.ue(); // max_num_ref_frames
  r.bit(); // gaps_in_frame_num_value_allowed_flag
  const widthMbs = r.ue() + 1;
  const heightMapUnits = r.ue() + 1;
  const frameMbsOnly = r.bit();
  if (!frameMbsOnly) r.bit(); // mb_adaptive_frame_field_flag
  r.bit(); // direct_8x8_inference_flag
  let crop = { left: 0, right: 0, top: 0, bottom: 0 };
  if (r.bit()) crop = { left: r.ue(), right: r.ue(), top: r.ue(), bottom: r.ue() };

  // Crop units depend on chroma subsampling (H.264 §7.4.2.1.1, eq. 7-19..7-22).
  const chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
  const subWidthC = chromaFormatIdc === 3 ? 1 : 2;
  const subHeightC = chromaFormatIdc === 1 ? 2 : 1;
  const cropUnitX = chromaArrayType === 0 ? 1 : subWidthC;
  const cropUnitY = (chromaArrayType === 0 ? 1 : subHeightC) * (2 - frameMbsOnly);
  const width = widthMbs * 16 - cropUnitX * (crop.left + crop.right);
  const height = (2 - frameMbsOnly) * heightMapUnits * 16 - cropUnitY * (crop.top + crop.bottom);
  return {
    profileIdc,
    constraintFlags,
    levelIdc,
    profile: h264ProfileName(profileIdc, constraintFlags),
    level: h264LevelName(levelIdc, constraintFlags),
    width,
    height,
  };
}

function skipScalingLists(r: BitReader, count: number): void {
  for (let i = 0; i < count; i++) {
    if (!r.bit()) continue;
    const size = i < 6 ? 16 : 64;
    let last = 8;
    let next = 8;
    for (let j = 0; j < size; j++) {
      if (next !== 0) next = (last + r.se() + 256) % 256;
      last = next === 0 ? last : next;
    }
  }
}

export function h264ProfileName(profileIdc: number, constraintFlags: number): string {
  const set1 = (constraintFlags & 0x40) !== 0;
  const set3 = (constraintFlags & 0x10) !== 0;
  switch (profileIdc) {
    case 66:
      return set1 ? 'Constrained Baseline' : 'Baseline';
    case 77:
      return 'Main';
    case 88:
      return 'Extended';
    case 100:
      return 'High';
    case 110:
      return set3 ? 'High 10 Intra' : 'High 10';
    case 122:
      return set3 ? 'High 4:2:2 Intra' : 'High 4:2:2';
    case 244:
      return set3 ? 'High 4:4:4 Intra' : 'High 4:4:4 Predictive';
    case 44:
      return 'CAVLC 4:4:4';
    default:
      return `Profile ${profileIdc}`;
  }
}

function h264LevelName(levelIdc: number, constraintFlags: number): string {
  // Level 1b is signalled as 11 with constraint_set3 in Baseline/Main/Extended.
  if (levelIdc === 11 && constraintFlags & 0x10) return '1b';
  return (levelIdc / 10).toFixed(1);
}
