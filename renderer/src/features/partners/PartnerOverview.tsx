import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AccessHours, Partner } from '../../../../media-core/contracts/partners';
import { formatDateTime } from '../../components/format';
import { liveSessionSelectors, useConsoleStore } from '../../store';
import { AUTH_LABELS, partnerTypeLabel } from './labels';
import { LiveSessionsTable } from './LiveSessionsTable';
import { UsageCharts } from './UsageCharts';

function hoursText(hours: AccessHours): string {
  if (hours.mode === 'always') return '24/7';
  const windows = hours.windows.map((w) => `${w.days.join(', ')} ${w.start}–${w.end}`).join('; ');
  return `${windows} (${hours.timeZone})`;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="system__fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The partner at a glance: who is watching now, usage over time, and its settings in brief. */
export function PartnerOverview({ partner }: { partner: Partner }) {
  const sessions = useConsoleStore(useShallow(liveSessionSelectors.ofPartner(partner.id)));
  const byId = useConsoleStore((s) => s.camerasById);

  return (
    <div className="partner-grid">
      <section className="partner-card partner-card--wide" data-testid="partner-live-sessions">
        <div className="partner-card__head">
          <h3 className="partner-card__title">Watching now</h3>
          <span className="partner-card__muted tabular">
            {sessions.length} of {partner.maxConnections} sessions
          </span>
        </div>
        <LiveSessionsTable sessions={sessions} />
      </section>
      <UsageCharts partnerId={partner.id} />
      <section className="partner-card partner-card--wide">
        <div className="partner-card__head">
          <h3 className="partner-card__title">In brief</h3>
        </div>
        <dl className="system__facts partner-facts">
          <Fact label="Type">{partnerTypeLabel(partner.type)}</Fact>
          <Fact label="Contact">{partner.contactEmail ?? '—'}</Fact>
          <Fact label="Cameras">{partner.cameras.length === 0 ? 'None granted' : partner.cameras.map((id) => byId[id]?.name ?? id).join(', ')}</Fact>
          <Fact label="Authentication">{partner.auth.map((m) => AUTH_LABELS[m].label).join(', ')}</Fact>
          {partner.auth.includes('ip') && <Fact label="Allow-list">{partner.ipAllowList.length === 0 ? 'Empty' : <span className="mono">{partner.ipAllowList.join(', ')}</span>}</Fact>}
          <Fact label="Limits">
            {partner.maxConnections} sessions · {partner.connectionsPerIp ?? 'default'} per address · {partner.bandwidthMbps ? `${partner.bandwidthMbps} Mbit/s` : 'no bandwidth cap'}
            {partner.reshare ? ' · may reshare' : ''}
          </Fact>
          <Fact label="Access hours">{hoursText(partner.accessHours)}</Fact>
          <Fact label="Tokens">
            {partner.tokenDefaultMinutes} min by default, at most {partner.tokenMaxMinutes} min
            {partner.validUntil ? ` · access ends ${formatDateTime(partner.validUntil)}${partner.autoRevoke ? ', tokens revoked then' : ''}` : ''}
          </Fact>
          {partner.notes && <Fact label="Notes">{partner.notes}</Fact>}
        </dl>
      </section>
    </div>
  );
}
