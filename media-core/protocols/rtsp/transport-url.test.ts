import { describe, expect, it } from 'vitest';
import { formatTransport, parseTransportHeader } from './transport';
import { parseRtspUri } from './url';

describe('Transport header', () => {
  it('parses each alternative of the client’s list', () => {
    const specs = parseTransportHeader('RTP/AVP/TCP;unicast;interleaved=2-3, RTP/AVP;unicast;client_port=5000-5001;mode="PLAY", RTP/AVP;multicast;ttl=4, RAW/RAW/UDP;unicast');
    expect(specs.map((s) => [s.lower, s.multicast, s.interleaved, s.clientPort, s.mode])).toEqual([
      ['TCP', false, [2, 3], null, null],
      ['UDP', false, null, [5000, 5001], 'play'],
      ['UDP', true, null, null, null],
      [null, false, null, null, null],
    ]);
    expect(parseTransportHeader('RTP/AVP/UDP;unicast;client_port=7000')[0]!.clientPort).toEqual([7000, 7001]);
    expect(parseTransportHeader('RTP/AVP;unicast;client_port=99999-100000')[0]!.clientPort).toBeNull();
  });

  it('formats the server’s answer', () => {
    expect(formatTransport({ lower: 'TCP', interleaved: [0, 1], ssrc: 0xab })).toBe('RTP/AVP/TCP;unicast;interleaved=0-1;ssrc=000000AB;mode=play');
    expect(formatTransport({ lower: 'UDP', clientPort: [5000, 5001], serverPort: [6970, 6971], ssrc: 1 })).toBe(
      'RTP/AVP;unicast;client_port=5000-5001;server_port=6970-6971;ssrc=00000001;mode=play',
    );
  });
});

describe('RTSP request URIs', () => {
  it('finds camera, track and query in absolute and path-only URIs', () => {
    expect(parseRtspUri('rtsp://user:pw@10.0.0.5:8554/cam%201/trackID=1?token=a%2Bb&x')).toMatchObject({
      camera: 'cam 1',
      track: 1,
      authority: '10.0.0.5:8554',
    });
    expect([...parseRtspUri('rtsp://h/cam1/trackID=1?token=a%2Bb&x')!.query]).toEqual([['token', 'a+b'], ['x', '']]);
    expect(parseRtspUri('/cam1')).toMatchObject({ camera: 'cam1', track: null, authority: null });
    expect(parseRtspUri('*')).toMatchObject({ camera: '' });
  });

  it('accepts a control appended after the query, as some clients build it', () => {
    const t = parseRtspUri('rtsp://h:554/cam1?token=abc/trackID=0')!;
    expect(t).toMatchObject({ camera: 'cam1', track: 0 });
    expect(t.query.get('token')).toBe('abc');
  });

  it('refuses paths that name nothing we serve', () => {
    expect(parseRtspUri('rtsp://h/a/b/c')).toBeNull();
    expect(parseRtspUri('rtsp://h/cam1/trackID=99')).toBeNull();
    expect(parseRtspUri('rtsp://h/%E0%A4%A')).toBeNull();
    expect(parseRtspUri('cam1')).toBeNull();
  });
});
