import { useState } from 'react';
import type { Partner } from '../../../../media-core/contracts/partners';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TrashIcon } from '../../components/icons';
import { liveSessionSelectors, partnerSelectors, sessionSelectors, useConsoleStore } from '../../store';
import { sectionHref } from '../../app/useHashSection';

type Asked = 'suspend' | 'terminate' | 'reinstate' | 'delete' | null;

const sessionsText = (n: number) => (n === 0 ? 'It has no session running now.' : `Its ${n} running ${n === 1 ? 'session ends' : 'sessions end'} at once.`);

/** Suspend, reinstate, terminate and delete, each after a confirmation that says what will happen. */
export function PartnerStatusActions({ partner }: { partner: Partner }) {
  const isAdmin = useConsoleStore(sessionSelectors.isAdmin);
  const busy = useConsoleStore(partnerSelectors.busy) !== null;
  const live = useConsoleStore(liveSessionSelectors.countOfPartner(partner.id));
  const setStatus = useConsoleStore((s) => s.setPartnerStatus);
  const reinstate = useConsoleStore((s) => s.reinstatePartner);
  const remove = useConsoleStore((s) => s.deletePartner);
  const [asked, setAsked] = useState<Asked>(null);
  if (!isAdmin) return null;

  const name = <strong>{partner.name}</strong>;
  const close = () => setAsked(null);

  return (
    <div className="partner-actions">
      {partner.status === 'active' ? (
        <button type="button" className="button button--small" onClick={() => setAsked('suspend')} disabled={busy} data-testid="suspend-partner">
          Suspend
        </button>
      ) : (
        <button type="button" className="button button--small" onClick={() => setAsked('reinstate')} disabled={busy} data-testid="reinstate-partner">
          Reinstate
        </button>
      )}
      {partner.status !== 'terminated' && (
        <button type="button" className="button button--small button--danger" onClick={() => setAsked('terminate')} disabled={busy} data-testid="terminate-partner">
          Terminate
        </button>
      )}
      <button type="button" className="button button--small button--ghost" onClick={() => setAsked('delete')} disabled={busy} aria-label={`Delete ${partner.name}`} title="Delete partner">
        <TrashIcon size={14} />
      </button>

      {asked === 'suspend' && (
        <ConfirmDialog title="Suspend partner?" confirmLabel="Suspend partner" onConfirm={() => setStatus(partner.id, 'suspended')} onClose={close}>
          {name} is refused at once on every protocol. {sessionsText(live)} Its tokens, keys and settings stay as they are: reinstate it to let it back in.
        </ConfirmDialog>
      )}
      {asked === 'terminate' && (
        <ConfirmDialog title="Terminate the partnership?" confirmLabel="Terminate partnership" onConfirm={() => setStatus(partner.id, 'terminated')} onClose={close}>
          The partnership with {name} ends: it is refused on every protocol, whatever token or address it uses. {sessionsText(live)} Its settings and the audit trail
          are kept for the record; an admin can reinstate it later.
        </ConfirmDialog>
      )}
      {asked === 'reinstate' && (
        <ConfirmDialog title="Reinstate partner?" tone="primary" confirmLabel="Reinstate partner" onConfirm={() => reinstate(partner.id)} onClose={close}>
          {name} becomes active again and goes back to the bottom of the abuse monitor's response ladder (no warning level, no throttle). Tokens that have not
          expired or been revoked work again at once.
        </ConfirmDialog>
      )}
      {asked === 'delete' && (
        <ConfirmDialog
          title="Delete partner?"
          confirmLabel="Delete partner"
          onConfirm={async () => {
            const result = await remove(partner.id);
            if (result.ok) window.location.hash = sectionHref('partners');
            return result;
          }}
          onClose={close}
        >
          {name}, its tokens, keys and API credentials are deleted. {sessionsText(live)} The audit trail keeps its history. This cannot be undone.
        </ConfirmDialog>
      )}
    </div>
  );
}
