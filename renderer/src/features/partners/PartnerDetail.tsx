import { useState } from 'react';
import { BackIcon, RefreshIcon, WarningIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { StateMessage } from '../../components/StateMessage';
import { partnerSelectors, useConsoleStore } from '../../store';
import { sectionHref } from '../../app/useHashSection';
import { STATUS_PRESENTATION, partnerTypeLabel } from './labels';
import { PartnerAccessTab } from './PartnerAccessTab';
import { PartnerOverview } from './PartnerOverview';
import { PartnerSettings } from './PartnerSettings';
import { PartnerStatusActions } from './PartnerStatusActions';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'settings', label: 'Settings' },
  { id: 'access', label: 'Access and tokens' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** One partner: live sessions and usage, every setting, and its credentials and tokens. */
export function PartnerDetail({ id }: { id: string }) {
  const partner = useConsoleStore(partnerSelectors.byId(id));
  const loadState = useConsoleStore(partnerSelectors.loadState);
  const loadPartners = useConsoleStore((s) => s.loadPartners);
  const [tab, setTab] = useState<TabId>('overview');

  if (partner === undefined) {
    if (loadState === 'loading' || loadState === 'idle') return <StateMessage icon={<Spinner size={24} />} title="Loading partner…" role="status" />;
    return (
      <StateMessage
        tone="danger"
        icon={<WarningIcon size={24} />}
        title="No such partner"
        action={
          <span className="partner-actions">
            <a className="button" href={sectionHref('partners')}>
              <BackIcon size={14} /> All partners
            </a>
            <button type="button" className="button" onClick={() => void loadPartners()}>
              <RefreshIcon size={14} /> Reload
            </button>
          </span>
        }
      >
        The partner “{id}” does not exist (any more). It may have been deleted by another operator.
      </StateMessage>
    );
  }

  const status = STATUS_PRESENTATION[partner.status];
  return (
    <div className="partner-detail" data-testid="partner-detail" data-partner-id={partner.id}>
      <header className="partner-detail__head">
        <a className="button button--ghost button--small" href={sectionHref('partners')}>
          <BackIcon size={14} /> Partners
        </a>
        <h2 className="partner-detail__name">{partner.name}</h2>
        <span className={`pill pill--${status.tone}`} data-testid="partner-status">
          {status.label}
        </span>
        <span className="partner-card__muted">{partnerTypeLabel(partner.type)}</span>
        <span className="partners__spacer" />
        <PartnerStatusActions partner={partner} />
      </header>
      {partner.status !== 'active' && (
        <p className="partner-detail__banner" role="status">
          <WarningIcon size={14} /> {partner.status === 'suspended' ? 'Suspended' : 'Terminated'}: refused on every protocol until an admin reinstates it.
        </p>
      )}
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" className="tabs__tab" aria-selected={t.id === tab} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div className="partner-detail__body" role="tabpanel">
        {tab === 'overview' && <PartnerOverview partner={partner} />}
        {tab === 'settings' && <PartnerSettings key={partner.id} partner={partner} />}
        {tab === 'access' && <PartnerAccessTab partner={partner} />}
      </div>
    </div>
  );
}
