export { writeRtpHeader, readRtpHeader, payloadBytes, RTP_HEADER_BYTES, DEFAULT_MAX_PAYLOAD, type RtpPayload, type RtpHeaderFields } from './rtp-packet';
export { h264Payloads, h264NalUnitsToSend, type H264PayloadOptions } from './h264-payloads';
export { aacPayloads } from './aac-payloads';
export { buildSenderReport, parseRtcpCompound, readSenderReport, RTCP_SR, RTCP_RR, RTCP_SDES, RTCP_BYE, type SenderReport, type RtcpPacketInfo } from './rtcp';
