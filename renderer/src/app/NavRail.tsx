import type { ReactNode } from 'react';
import { AlertsIcon, AuditIcon, LogoMark, PartnersIcon, SystemIcon, WallIcon } from '../components/icons';
import { alertSelectors, cameraSelectors, useConsoleStore } from '../store';
import { SECTIONS } from './sections';
import type { SectionId } from './sections';
import { sectionHref } from './useHashSection';

const ICONS: Record<SectionId, ReactNode> = {
  wall: <WallIcon />,
  partners: <PartnersIcon />,
  alerts: <AlertsIcon />,
  audit: <AuditIcon />,
  system: <SystemIcon />,
};

export function NavRail({ current }: { current: SectionId }) {
  const cameraCount = useConsoleStore(cameraSelectors.count);
  const unread = useConsoleStore(alertSelectors.unread);
  return (
    <nav className="nav" aria-label="Sections">
      <div className="nav__brand">
        <span className="nav__logo">
          <LogoMark size={22} />
        </span>
        <span className="nav__product">
          <span className="nav__product-name">WINK</span>
          <span className="nav__product-sub">Media Router</span>
        </span>
      </div>
      <ul className="nav__list">
        {SECTIONS.map((section) => (
          <li key={section.id}>
            <a
              className="nav__item"
              href={sectionHref(section.id)}
              aria-current={section.id === current ? 'page' : undefined}
            >
              <span className="nav__icon">{ICONS[section.id]}</span>
              <span className="nav__label">{section.label}</span>
              {section.id === 'wall' && cameraCount > 0 && <span className="nav__count tabular">{cameraCount}</span>}
              {section.id === 'alerts' && unread > 0 && (
                <span className="nav__count nav__count--alert tabular" data-testid="alerts-unread" title={`${unread} alerts not acknowledged yet`}>
                  {unread > 99 ? '99+' : unread}
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
      <div className="nav__footer">Operator console</div>
    </nav>
  );
}
