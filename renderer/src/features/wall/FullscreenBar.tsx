import type { RefObject } from 'react';
import { BackIcon, ExpandIcon } from '../../components/icons';
import { cameraSelectors, useConsoleStore } from '../../store';

/** Replaces the wall toolbar while one camera fills the wall. */
export function FullscreenBar({ cameraId, areaRef }: { cameraId: string; areaRef: RefObject<HTMLElement | null> }) {
  const name = useConsoleStore((s) => cameraSelectors.byId(cameraId)(s)?.name ?? cameraId);
  const closeFullscreen = useConsoleStore((s) => s.closeFullscreen);
  // The console's full screen fills the wall area; this also hides the browser's chrome.
  const canUseScreen = typeof document !== 'undefined' && document.fullscreenEnabled;

  return (
    <div className="fullscreen-bar">
      <button type="button" className="button button--small" onClick={closeFullscreen} data-testid="fullscreen-back">
        <BackIcon size={14} />
        Back to wall
      </button>
      <span className="fullscreen-bar__name">{name}</span>
      <span className="fullscreen-bar__hint">
        <kbd>Esc</kbd> or double-click to go back · <kbd>←</kbd> <kbd>→</kbd> other cameras
      </span>
      {canUseScreen && (
        <button type="button" className="button button--small button--ghost" onClick={() => void areaRef.current?.requestFullscreen().catch(() => undefined)}>
          <ExpandIcon size={14} />
          Use whole screen
        </button>
      )}
    </div>
  );
}
