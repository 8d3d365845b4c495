import { Suspense, lazy } from 'react';
import type { ComponentType } from 'react';
import { SystemSection } from '../features/system/SystemSection';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Spinner } from '../components/Spinner';
import { StateMessage } from '../components/StateMessage';
import { CameraWall } from '../features/wall/CameraWall';
import { NavRail } from './NavRail';
import type { SectionId } from './sections';
import { TopBar } from './TopBar';
import { useHashSection } from './useHashSection';

// Loaded when first opened: the wall, where a shift starts, does not wait for the
// partner forms, the charts and the validation code they bring.
const PartnersSection = lazy(() => import('../features/partners/PartnersSection').then((m) => ({ default: m.PartnersSection })));
const AlertsSection = lazy(() => import('../features/alerts/AlertsSection').then((m) => ({ default: m.AlertsSection })));
const AuditSection = lazy(() => import('../features/audit/AuditSection').then((m) => ({ default: m.AuditSection })));

const SECTION_VIEWS: Record<SectionId, ComponentType> = {
  wall: CameraWall,
  partners: PartnersSection,
  alerts: AlertsSection,
  audit: AuditSection,
  system: SystemSection,
};

/** The signed-in console: navigation on the left, status bar on top, one section. */
export function Shell() {
  const section = useHashSection();
  const View = SECTION_VIEWS[section];
  return (
    <div className="shell">
      <NavRail current={section} />
      <TopBar section={section} />
      <main className="shell__main" id="main" data-section={section}>
        <ErrorBoundary resetKey={section}>
          <Suspense fallback={<StateMessage icon={<Spinner size={24} />} title="Opening…" role="status" />}>
            <View />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
