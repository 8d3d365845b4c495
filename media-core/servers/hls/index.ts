export { HlsMuxer, type HlsMuxerOptions, type HlsMuxerStats, type HlsSource, type HlsTsReader } from './hls-muxer';
export { registerHlsRoutes, CAMERA_ID, type HlsRouteDeps, type HlsAccessDecision } from './routes';
export { renderPlaylist, segmentName, SEGMENT_NAME } from './playlist';
export type { HlsSegment } from './segment-window';
