// The Transport header (RFC 2326 §12.39): a client lists the transports it accepts, in
// order of preference; the server picks one and echoes it with its own parameters.

export type LowerTransport = 'UDP' | 'TCP';

export interface TransportSpec {
  /** "RTP/AVP" (UDP implied), "RTP/AVP/UDP", "RTP/AVP/TCP", or anything else a client sent. */
  protocol: string;
  lower: LowerTransport | null;
  multicast: boolean;
  interleaved: [number, number] | null;
  clientPort: [number, number] | null;
  /** Lower-cased "play" / "record"; null when absent (play is the default). */
  mode: string | null;
}

function pair(v: string | undefined, max: number): [number, number] | null {
  if (!v) return null;
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(v.trim());
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a + 1 : Number(m[2]);
  return a <= max && b <= max ? [a, b] : null;
}

export function parseTransportHeader(value: string): TransportSpec[] {
  const specs: TransportSpec[] = [];
  for (const raw of value.split(',')) {
    const parts = raw.split(';').map((p) => p.trim()).filter(Boolean);
    const protocol = parts.shift();
    if (!protocol) continue;
    const params = new Map<string, string>();
    for (const p of parts) {
      const eq = p.indexOf('=');
      params.set((eq < 0 ? p : p.slice(0, eq)).toLowerCase(), eq < 0 ? '' : p.slice(eq + 1).replace(/^"|"$/g, ''));
    }
    const up = protocol.toUpperCase();
    const lower: LowerTransport | null =
      up === 'RTP/AVP' || up === 'RTP/AVP/UDP' ? 'UDP' : up === 'RTP/AVP/TCP' ? 'TCP' : null;
    specs.push({
      protocol,
      lower,
      multicast: params.has('multicast'),
      interleaved: pair(params.get('interleaved'), 255),
      clientPort: pair(params.get('client_port'), 65535),
      mode: params.has('mode') ? params.get('mode')!.toLowerCase() : null,
    });
  }
  return specs;
}

/** What the server answers in its Transport header for the chosen spec. */
export function formatTransport(
  t: { lower: 'TCP'; interleaved: [number, number]; ssrc: number } | { lower: 'UDP'; clientPort: [number, number]; serverPort: [number, number]; ssrc: number; destination?: string },
): string {
  const ssrc = t.ssrc.toString(16).toUpperCase().padStart(8, '0');
  if (t.lower === 'TCP') return `RTP/AVP/TCP;unicast;interleaved=${t.interleaved[0]}-${t.interleaved[1]};ssrc=${ssrc};mode=play`;
  const dest = t.destination ? `;destination=${t.destination}` : '';
  return `RTP/AVP;unicast${dest};client_port=${t.clientPort[0]}-${t.clientPort[1]};server_port=${t.serverPort[0]}-${t.serverPort[1]};ssrc=${ssrc};mode=play`;
}
