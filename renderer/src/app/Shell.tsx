import type { ComponentType } from 'react';
import { AlertsSection } from '../features/alerts/AlertsSection';
import { AuditSection } from '../features/audit/AuditSection';
import { PartnersSection } from '../features/partners/PartnersSection';
import { SystemSection } from '../features/system/SystemSection';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { CameraWall } from '../features/wall/CameraWall';
import { NavRail } from './NavRail';
import type { SectionId } from './sections';
import { TopBar } from './TopBar';
import { useHashSection } from './useHashSection';

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
          <View />
        </ErrorBoundary>
      </main>
    </div>
  );
}
