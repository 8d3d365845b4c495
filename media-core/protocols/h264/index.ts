export * from './annexb';
export * from './sps';
export { BitReader, toRbsp } from './bit-reader';
