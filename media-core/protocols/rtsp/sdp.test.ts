import { describe, expect, it } from 'vitest';
import { buildSdp, profileLevelId } from './sdp';

const sps = Buffer.from('6742c01eda0280bfe5c04400000300040000030078f1832a', 'hex');
const pps = Buffer.from('68ce0fc8', 'hex');

describe('SDP', () => {
  it('describes H.264 (RFC 6184) and AAC-hbr (RFC 3640) tracks with a control each', () => {
    const sdp = buildSdp({
      sessionId: '123',
      origin: '192.0.2.10',
      name: 'Main St\r\nx=evil',
      tracks: [
        { kind: 'h264', payloadType: 96, control: 'trackID=0', sps, pps },
        { kind: 'aac', payloadType: 97, control: 'trackID=1', sampleRate: 48000, channels: 1, config: Buffer.from([0x11, 0x88]) },
      ],
    });
    expect(sdp.split('\r\n')).toEqual([
      'v=0',
      'o=- 123 1 IN IP4 192.0.2.10',
      's=Main St x=evil',
      'c=IN IP4 0.0.0.0',
      't=0 0',
      'a=tool:WINK Media Router',
      'a=range:npt=now-',
      'a=control:*',
      'm=video 0 RTP/AVP 96',
      'a=rtpmap:96 H264/90000',
      `a=fmtp:96 packetization-mode=1;profile-level-id=42c01e;sprop-parameter-sets=${sps.toString('base64')},${pps.toString('base64')}`,
      'a=control:trackID=0',
      'm=audio 0 RTP/AVP 97',
      'a=rtpmap:97 mpeg4-generic/48000/1',
      'a=fmtp:97 streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3;config=1188',
      'a=control:trackID=1',
      '',
    ]);
  });

  it('uses IP6 for an IPv6 origin and reads profile-level-id from the SPS', () => {
    const sdp = buildSdp({ sessionId: '1', origin: '::1', name: 'c', tracks: [] });
    expect(sdp).toContain('o=- 1 1 IN IP6 ::1\r\n');
    expect(sdp).toContain('c=IN IP6 ::\r\n');
    expect(profileLevelId(sps)).toBe('42c01e');
  });
});
