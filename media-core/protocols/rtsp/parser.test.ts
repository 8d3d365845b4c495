import { describe, expect, it } from 'vitest';
import { RtspParser, type RtspInput } from './parser';

const REQ = 'SETUP rtsp://h/cam1/trackID=0 RTSP/1.0\r\nCSeq: 3\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\nUser-Agent: VMS\r\n\r\n';

function requests(out: RtspInput[]) {
  return out.filter((o) => o.type === 'request').map((o) => (o as Extract<RtspInput, { type: 'request' }>).request);
}

describe('RtspParser', () => {
  it('parses a request with lower-cased header names', () => {
    const [r] = requests(new RtspParser().push(Buffer.from(REQ)));
    expect(r!.method).toBe('SETUP');
    expect(r!.uri).toBe('rtsp://h/cam1/trackID=0');
    expect(Object.fromEntries(r!.headers)).toEqual({ cseq: '3', transport: 'RTP/AVP/TCP;unicast;interleaved=0-1', 'user-agent': 'VMS' });
  });

  it('gives the same result for every split of the byte stream, down to single bytes', () => {
    const bytes = Buffer.from(REQ + REQ.replace('CSeq: 3', 'CSeq: 4'));
    for (const size of [1, 2, 3, 7, 64]) {
      const p = new RtspParser();
      const out: RtspInput[] = [];
      for (let i = 0; i < bytes.length; i += size) out.push(...p.push(bytes.subarray(i, i + size)));
      expect(requests(out).map((r) => r.headers.get('cseq'))).toEqual(['3', '4']);
      expect(p.bufferedBytes).toBe(0);
    }
  });

  it('reads a body by Content-Length and accepts bare LF line ends and folded headers', () => {
    const p = new RtspParser();
    const out = p.push(Buffer.from('SET_PARAMETER * RTSP/1.0\nCSeq: 9\nX-Long: a\n  b\nContent-Length: 5\n\nhelloOPTIONS * RTSP/1.0\r\nCSeq: 10\r\n\r\n'));
    const [a, b] = requests(out);
    expect(a!.body.toString()).toBe('hello');
    expect(a!.headers.get('x-long')).toBe('a b');
    expect(b!.method).toBe('OPTIONS');
  });

  it('passes interleaved binary frames between requests through', () => {
    const frame = Buffer.from([0x24, 1, 0, 3, 9, 8, 7]);
    const out = new RtspParser().push(Buffer.concat([frame, Buffer.from(REQ), frame]));
    expect(out.map((o) => o.type)).toEqual(['interleaved', 'request', 'interleaved']);
    expect(out[0]).toMatchObject({ channel: 1, data: Buffer.from([9, 8, 7]) });
  });

  it('refuses oversized headers with a fatal 400 and then ignores all input', () => {
    const p = new RtspParser({ maxHeaderBytes: 1024 });
    const out = p.push(Buffer.from(`OPTIONS * RTSP/1.0\r\nX: ${'a'.repeat(2000)}`));
    expect(out).toEqual([expect.objectContaining({ type: 'error', status: 400, fatal: true })]);
    expect(p.bufferedBytes).toBe(0);
    expect(p.push(Buffer.from(REQ))).toEqual([]);
  });

  it('refuses an oversized body with 413 and a malformed request line with 400', () => {
    expect(new RtspParser({ maxBodyBytes: 10 }).push(Buffer.from('SET_PARAMETER * RTSP/1.0\r\nCSeq: 2\r\nContent-Length: 11\r\n\r\n'))).toEqual([
      expect.objectContaining({ type: 'error', status: 413, fatal: true, cseq: '2' }),
    ]);
    expect(new RtspParser().push(Buffer.from('GET /\r\n\r\n'))[0]).toMatchObject({ type: 'error', status: 400, fatal: true });
    expect(new RtspParser().push(Buffer.from('OPTIONS * RTSP/1.0\r\nno colon here\r\n\r\n'))[0]).toMatchObject({ status: 400 });
    expect(new RtspParser().push(Buffer.from('OPTIONS * RTSP/1.0\r\nContent-Length: -1\r\n\r\n'))[0]).toMatchObject({ status: 400 });
  });

  it('answers another RTSP version with a non-fatal 505 and keeps framing', () => {
    const out = new RtspParser().push(Buffer.from(`OPTIONS * RTSP/2.0\r\nCSeq: 1\r\nContent-Length: 2\r\n\r\nxy${REQ}`));
    expect(out.map((o) => (o.type === 'error' ? o.status : o.type))).toEqual([505, 'response', 'request']);
  });

  it('frames and ignores responses a client sends', () => {
    const out = new RtspParser().push(Buffer.from(`RTSP/1.0 200 OK\r\nCSeq: 1\r\nContent-Length: 3\r\n\r\nabc${REQ}`));
    expect(out.map((o) => o.type)).toEqual(['response', 'request']);
  });
});
