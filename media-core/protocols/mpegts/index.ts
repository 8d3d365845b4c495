export * from './ts-packet';
export * from './ts-aligner';
export * from './psi';
export * from './pes';
export * from './ts-demuxer';
export * from './timestamps';
export { crc32Mpeg } from './crc32';
