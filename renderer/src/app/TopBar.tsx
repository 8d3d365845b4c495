import { LogoutIcon } from '../components/icons';
import { sessionSelectors, useConsoleStore } from '../store';
import { ConnectionIndicator } from './ConnectionIndicator';
import { sectionInfo } from './sections';
import type { SectionId } from './sections';

export function TopBar({ section }: { section: SectionId }) {
  const info = sectionInfo(section);
  const operatorName = useConsoleStore(sessionSelectors.operatorName);
  const role = useConsoleStore(sessionSelectors.operatorRole);
  const logout = useConsoleStore((s) => s.logout);

  return (
    <header className="topbar">
      <div className="topbar__title">
        <h1>{info.label}</h1>
        <span className="topbar__description">{info.description}</span>
      </div>
      <div className="topbar__status">
        <ConnectionIndicator />
        <span className="topbar__divider" aria-hidden="true" />
        <div className="operator" data-testid="operator">
          <span className="operator__avatar" aria-hidden="true">
            {(operatorName ?? '?').slice(0, 1).toUpperCase()}
          </span>
          <span className="operator__text">
            <span className="operator__name">{operatorName}</span>
            {role && <span className="operator__role">{role}</span>}
          </span>
        </div>
        <button type="button" className="button button--ghost button--small" onClick={() => void logout()}>
          <LogoutIcon size={16} />
          Sign out
        </button>
      </div>
    </header>
  );
}
