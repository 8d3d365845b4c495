import { useEffect, useState } from 'react';
import { useHashDetail } from '../../app/useHashSection';
import { usePolling } from '../../hooks/usePolling';
import { useConsoleStore } from '../../store';
import { CreatePartnerDialog } from './CreatePartnerDialog';
import { PartnerDetail } from './PartnerDetail';
import { PartnerList } from './PartnerList';
import './partners.css';
import './partner-settings.css';
import './partner-access.css';

/** Live sessions move fast; usage totals and the list less so. */
const SESSIONS_EVERY_MS = 4_000;
const LIST_EVERY_MS = 30_000;

/** #/partners: the list; #/partners/<id>: one partner. */
export function PartnersSection() {
  const detail = useHashDetail();
  const loadPartners = useConsoleStore((s) => s.loadPartners);
  const loadUsageToday = useConsoleStore((s) => s.loadUsageToday);
  const loadLiveSessions = useConsoleStore((s) => s.loadLiveSessions);
  const loadSystem = useConsoleStore((s) => s.loadSystem);
  const [creating, setCreating] = useState(false);

  // The listeners' addresses make the stream URLs.
  useEffect(() => {
    void loadSystem();
  }, [loadSystem]);
  usePolling(() => Promise.all([loadPartners(), loadUsageToday()]), LIST_EVERY_MS);
  usePolling(loadLiveSessions, SESSIONS_EVERY_MS);

  return (
    <div className="partners-section">
      {detail === null ? <PartnerList onCreate={() => setCreating(true)} /> : <PartnerDetail id={detail} />}
      {creating && <CreatePartnerDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
