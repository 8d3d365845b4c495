import { useEffect, useState } from 'react';
import { ABUSE_DETECTORS, ALERT_SEVERITIES } from '../../../../media-core/contracts/alerts';
import type { AlertSeverity } from '../../../../media-core/contracts/alerts';
import { alertSelectors, partnerSelectors, useConsoleStore } from '../../store';
import { detectorLabel } from './alertFormat';

/** Severity, detector, partner, address and read state; each change reloads from the core. */
export function AlertFilters() {
  const filters = useConsoleStore(alertSelectors.filters);
  const filtered = useConsoleStore(alertSelectors.filtered);
  const partners = useConsoleStore(partnerSelectors.all);
  const setFilters = useConsoleStore((s) => s.setAlertFilters);
  const [ip, setIp] = useState(filters.ip);

  // The address filter applies after typing stops, not on every key.
  useEffect(() => {
    if (ip === filters.ip) return;
    const timer = setTimeout(() => void setFilters({ ip }), 500);
    return () => clearTimeout(timer);
  }, [ip, filters.ip, setFilters]);

  const toggleSeverity = (severity: AlertSeverity) =>
    void setFilters({ severity: filters.severity.includes(severity) ? filters.severity.filter((s) => s !== severity) : [...filters.severity, severity] });

  return (
    <div className="alert-filters" data-testid="alert-filters">
      <div className="segmented" role="group" aria-label="Show">
        <button type="button" className="segmented__button" aria-pressed={filters.status === 'all'} onClick={() => void setFilters({ status: 'all' })}>
          All
        </button>
        <button type="button" className="segmented__button" aria-pressed={filters.status === 'unread'} onClick={() => void setFilters({ status: 'unread' })}>
          Not acknowledged
        </button>
      </div>
      <div className="alert-filters__severities" role="group" aria-label="Severity">
        {ALERT_SEVERITIES.map((s) => (
          <button key={s} type="button" className={`alert-filters__severity alert-filters__severity--${s}`} aria-pressed={filters.severity.includes(s)} onClick={() => toggleSeverity(s)}>
            {s}
          </button>
        ))}
      </div>
      <select className="select" value={filters.detector} onChange={(e) => void setFilters({ detector: e.target.value })} aria-label="Detector">
        <option value="">Every detector</option>
        {ABUSE_DETECTORS.map((d) => (
          <option key={d} value={d}>
            {detectorLabel(d)}
          </option>
        ))}
      </select>
      <select className="select" value={filters.partner} onChange={(e) => void setFilters({ partner: e.target.value })} aria-label="Partner">
        <option value="">Every partner</option>
        {partners.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <input className="field__input alert-filters__ip mono" value={ip} onChange={(e) => setIp(e.target.value)} placeholder="Address" aria-label="Address" />
      {filtered && (
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => {
            setIp('');
            void setFilters({ severity: [], detector: '', partner: '', ip: '', status: 'all' });
          }}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
