import { useEffect, useMemo } from 'react';
import { RefreshIcon, WarningIcon } from '../../components/icons';
import { formatRate, formatTraffic } from '../../components/format';
import { Spinner } from '../../components/Spinner';
import { USAGE_RANGES, usageSelectors, useConsoleStore } from '../../store';
import type { UsageRangeId } from '../../store';
import { TimeSeriesChart } from './TimeSeriesChart';

const RANGE_IDS = Object.keys(USAGE_RANGES) as UsageRangeId[];

/** Bandwidth and concurrent sessions of one partner over time, from the audit trail. */
export function UsageCharts({ partnerId }: { partnerId: string }) {
  const usage = useConsoleStore(usageSelectors.series(partnerId));
  const range = useConsoleStore(usageSelectors.range);
  const loadState = useConsoleStore(usageSelectors.loadState(partnerId));
  const error = useConsoleStore(usageSelectors.error);
  const load = useConsoleStore((s) => s.loadPartnerUsage);

  useEffect(() => {
    void load(partnerId);
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') void load(partnerId);
    }, 30_000);
    return () => clearInterval(timer);
  }, [load, partnerId]);

  const series = useMemo(() => {
    if (usage === null) return null;
    const xs = usage.points.map((p) => Date.parse(p.at) / 1000);
    return {
      xs,
      bits: usage.points.map((p) => (p.bytes * 8) / usage.bucketSec),
      sessions: usage.points.map((p) => p.sessions),
      peak: Math.max(0, ...usage.points.map((p) => p.sessions)),
    };
  }, [usage]);

  return (
    <section className="partner-card partner-card--wide" data-testid="usage-charts">
      <div className="partner-card__head">
        <h3 className="partner-card__title">Usage</h3>
        <div className="segmented segmented--small" role="group" aria-label="Time range">
          {RANGE_IDS.map((id) => (
            <button key={id} type="button" className="segmented__button" aria-pressed={id === range} onClick={() => void load(partnerId, id)}>
              {USAGE_RANGES[id].label}
            </button>
          ))}
        </div>
        <button type="button" className="button button--ghost button--small" onClick={() => void load(partnerId)} aria-label="Refresh usage">
          <RefreshIcon size={14} />
        </button>
      </div>
      {usage && series ? (
        <>
          <p className="partner-card__facts tabular">
            {formatTraffic(usage.totalBytes)} delivered in {usage.sessions} {usage.sessions === 1 ? 'session' : 'sessions'} · peak {series.peak} at once · one point per{' '}
            {usage.bucketSec >= 3600 ? `${usage.bucketSec / 3600} h` : `${Math.round(usage.bucketSec / 60)} min`}
            {usage.truncated && ' · partial: more sessions than one answer reads'}
          </p>
          <div className="usage-charts">
            <TimeSeriesChart label="Bandwidth" xs={series.xs} ys={series.bits} format={formatRate} colorVar="--accent" testId="chart-bandwidth" />
            <TimeSeriesChart label="Sessions" xs={series.xs} ys={series.sessions} format={(v) => String(Math.round(v))} colorVar="--success" stepped testId="chart-sessions" />
          </div>
        </>
      ) : loadState === 'error' ? (
        <p className="form-error" role="alert">
          <WarningIcon size={14} /> Could not read the usage: {error}{' '}
          <button type="button" className="button button--ghost button--small" onClick={() => void load(partnerId)}>
            Try again
          </button>
        </p>
      ) : (
        <p className="partner-card__muted">
          <Spinner size={14} /> Reading usage from the audit trail…
        </p>
      )}
    </section>
  );
}
