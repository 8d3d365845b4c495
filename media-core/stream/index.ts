export { StreamHub, DEFAULT_MAX_GOP_BYTES, type StreamHubOptions } from './stream-hub';
export { CameraStream, type CameraStreamOptions } from './camera-stream';
export type { AccessUnit, CodecConfig, StreamInfo, StreamReader, SubscribeOptions } from './types';
