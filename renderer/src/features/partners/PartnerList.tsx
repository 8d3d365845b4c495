import { useState } from 'react';
import type { Partner } from '../../../../media-core/contracts/partners';
import { PartnersIcon, PlusIcon, RefreshIcon, SearchIcon, WarningIcon } from '../../components/icons';
import { formatTraffic } from '../../components/format';
import { Spinner } from '../../components/Spinner';
import { StateMessage } from '../../components/StateMessage';
import { liveSessionSelectors, partnerSelectors, sessionSelectors, useConsoleStore } from '../../store';
import { detailHref } from '../../app/useHashSection';
import { AUTH_LABELS, STATUS_PRESENTATION, partnerTypeLabel } from './labels';

function matches(p: Partner, q: string): boolean {
  return !q || p.name.toLowerCase().includes(q) || p.id.includes(q) || (p.contactEmail ?? '').toLowerCase().includes(q);
}

/** Every partner with its status, grants, live sessions and today's usage. */
export function PartnerList({ onCreate }: { onCreate: () => void }) {
  const partners = useConsoleStore(partnerSelectors.all);
  const loadState = useConsoleStore(partnerSelectors.loadState);
  const error = useConsoleStore(partnerSelectors.error);
  const usageToday = useConsoleStore((s) => s.usageToday);
  const sessions = useConsoleStore(liveSessionSelectors.all);
  const isAdmin = useConsoleStore(sessionSelectors.isAdmin);
  const loadPartners = useConsoleStore((s) => s.loadPartners);
  const [query, setQuery] = useState('');

  const createButton = (
    <button type="button" className="button button--primary" onClick={onCreate} disabled={!isAdmin} title={isAdmin ? undefined : 'Only admins add partners'} data-testid="new-partner">
      <PlusIcon size={16} /> New partner
    </button>
  );

  if (partners.length === 0) {
    if (loadState === 'error') {
      return (
        <StateMessage tone="danger" role="alert" icon={<WarningIcon size={24} />} title="Could not load the partners" action={<button type="button" className="button" onClick={() => void loadPartners()}><RefreshIcon size={16} /> Try again</button>}>
          {error}
        </StateMessage>
      );
    }
    if (loadState !== 'ready') return <StateMessage icon={<Spinner size={24} />} title="Loading partners…" role="status" />;
    return (
      <StateMessage icon={<PartnersIcon size={24} />} title="No partners yet" action={createButton}>
        Partners are the outside agencies this router shares cameras with. Start from a preset (news media, partner agency VMS, emergency operations, temporary event) and
        adjust what you need.
      </StateMessage>
    );
  }

  const liveBy = new Map<string, number>();
  for (const s of sessions) liveBy.set(s.partnerId, (liveBy.get(s.partnerId) ?? 0) + 1);
  const q = query.trim().toLowerCase();
  const shown = partners.filter((p) => matches(p, q));

  return (
    <div className="partners" data-testid="partner-list">
      <div className="partners__toolbar">
        <label className="partners__search">
          <SearchIcon size={14} />
          <input type="search" placeholder="Search partners" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Search partners" />
        </label>
        <span className="partners__muted tabular">
          {partners.length} {partners.length === 1 ? 'partner' : 'partners'} · {sessions.length} live {sessions.length === 1 ? 'session' : 'sessions'}
        </span>
        {error && <span className="form-error">Refresh failed: {error}</span>}
        <span className="partners__spacer" />
        {createButton}
      </div>
      <div className="partners__table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Partner</th>
              <th scope="col">Status</th>
              <th scope="col">Cameras</th>
              <th scope="col">Authentication</th>
              <th scope="col" className="data-table__num">Live sessions</th>
              <th scope="col" className="data-table__num">Today</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => {
              const status = STATUS_PRESENTATION[p.status];
              const today = usageToday[p.id];
              const live = liveBy.get(p.id) ?? 0;
              return (
                <tr key={p.id} className="partners__row" data-testid="partner-row" data-partner-id={p.id}>
                  <td>
                    <a className="partners__name" href={detailHref('partners', p.id)}>
                      {p.name}
                    </a>
                    <div className="data-table__muted">{partnerTypeLabel(p.type)}</div>
                  </td>
                  <td>
                    <span className={`pill pill--${status.tone}`}>{status.label}</span>
                  </td>
                  <td className="data-table__muted" title={p.cameras.join(', ')}>
                    {p.cameras.length === 0 ? 'None granted' : `${p.cameras.length} ${p.cameras.length === 1 ? 'camera' : 'cameras'}`}
                  </td>
                  <td className="data-table__muted">{p.auth.map((m) => AUTH_LABELS[m].label).join(', ')}</td>
                  <td className="data-table__num" data-testid="partner-live">
                    {live > 0 ? <span className="partners__live">{live}</span> : <span className="data-table__muted">0</span>}
                  </td>
                  <td className="data-table__num" title={today ? `${today.sessions} sessions today` : 'No sessions today'}>
                    {today ? formatTraffic(today.bytes) : <span className="data-table__muted">—</span>}
                  </td>
                </tr>
              );
            })}
            {shown.length === 0 && (
              <tr>
                <td colSpan={6} className="data-table__muted">
                  No partner matches “{query}”.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
