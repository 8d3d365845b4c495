import { join } from 'node:path';
import { describe, it } from 'vitest';
import { AuditQuerySchema } from '../../media-core/contracts/audit';
import { openDatabase } from '../../media-core/db/database';
import { AuditRepo } from '../../media-core/db/repos/audit';
import { silentLogger } from '../../media-core/log/logger';
import { tempDataDir } from '../fixtures/core-process';

// The console's audit search over a large history: one million access decisions spread
// over 30 days, 50 partners, 200 cameras, 5,000 addresses; each query is one page.
const ROWS = 1_000_000;

describe('audit trail search', () => {
  it('measures filtered page queries on a million decisions', () => {
    const db = openDatabase(join(tempDataDir('wink-audit-bench-'), 'wink.db'), silentLogger());
    const t0 = performance.now();
    const start = Date.parse('2026-11-01T00:00:00Z');
    db.exec(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
      INSERT INTO audit_decisions (at, protocol, camera, ip, user_agent, partner_id, partner_name, token_id, method, kind, result, code, reason, session_id)
      SELECT ${start} + i * 2592, CASE i % 3 WHEN 0 THEN 'hls' WHEN 1 THEN 'rtsp' ELSE 'hls' END,
             'cam-' || (i % 200), '10.1.' || (i % 50) || '.' || (i % 100), 'player/1.0', 'p-' || (i % 50), 'Partner ' || (i % 50),
             'tok_' || (i % 9000), 'otp', 'playlist', CASE WHEN i % 10 = 0 THEN 'deny' ELSE 'allow' END,
             CASE WHEN i % 10 = 0 THEN 'token_expired' ELSE 'ok' END, 'bench', NULL
      FROM n;`);
    console.log(`[bench] audit: inserted ${ROWS.toLocaleString('en')} decisions in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const repo = new AuditRepo(db);
    const cases: [string, Record<string, string>][] = [
      ['newest page, no filter', {}],
      ['one partner', { partner: 'p-7' }],
      ['one camera', { camera: 'cam-42' }],
      ['one address', { ip: '10.1.7.7' }],
      ['denials only', { result: 'deny' }],
      ['protocol rtsp, one partner, one week', { protocol: 'rtsp', partner: 'p-3', from: '2026-11-10T00:00:00Z', to: '2026-11-17T00:00:00Z' }],
      ['one address, denials, 1 day', { ip: '10.1.9.9', result: 'deny', from: '2026-11-20T00:00:00Z', to: '2026-11-21T00:00:00Z' }],
    ];
    for (const [label, raw] of cases) {
      const q = AuditQuerySchema.parse({ ...raw, limit: 100 });
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        rows = repo.decisions(q, q.limit).length;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      // The next page too: the cursor must not make later pages slower.
      const first = repo.decisions(q, q.limit);
      const t = performance.now();
      if (first.length === q.limit) repo.decisions({ ...q, before: String(first.at(-1)!.id) }, q.limit);
      const next = performance.now() - t;
      console.log(`[bench] audit query "${label}": median ${times[2]!.toFixed(1)} ms for ${rows} rows; next page ${next.toFixed(1)} ms`);
    }
    db.close();
  });
});
