import { useCallback, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CameraOffIcon, GroupIcon, RefreshIcon, WarningIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { StateMessage } from '../../components/StateMessage';
import { usePolling } from '../../hooks/usePolling';
import { cameraSelectors, useConsoleStore, wallSelectors } from '../../store';
import { CameraTile } from './CameraTile';
import { FullscreenBar } from './FullscreenBar';
import { ShortcutHelp } from './ShortcutHelp';
import { useWallKeyboard } from './useWallKeyboard';
import { useWallLayout } from './useWallLayout';
import { WallGrid } from './WallGrid';
import { WallToolbar } from './WallToolbar';
import './wall.css';
import './wall-controls.css';

const WATCHERS_EVERY_MS = 3_000;

export function CameraWall() {
  const cameraCount = useConsoleStore(cameraSelectors.count);
  const loadState = useConsoleStore(cameraSelectors.loadState);
  const error = useConsoleStore(cameraSelectors.error);
  const grid = useConsoleStore(wallSelectors.grid);
  const pageIds = useConsoleStore(useShallow(wallSelectors.pageTileIds));
  const focus = useConsoleStore(wallSelectors.focus);
  const fullscreen = useConsoleStore(wallSelectors.fullscreen);
  const group = useConsoleStore(wallSelectors.group);
  const loadCameras = useConsoleStore((s) => s.loadCameras);
  const loadLayouts = useConsoleStore((s) => s.loadLayouts);
  const loadGroups = useConsoleStore((s) => s.loadGroups);
  const setWallGroup = useConsoleStore((s) => s.setWallGroup);
  const loadLiveSessions = useConsoleStore((s) => s.loadLiveSessions);
  const areaRef = useRef<HTMLDivElement>(null);
  const viewportRef = useRef<HTMLDivElement>(null);
  const layout = useWallLayout(viewportRef, pageIds.length, grid);
  const [helpOpen, setHelpOpen] = useState(false);
  const toggleHelp = useCallback(() => setHelpOpen((open) => !open), []);
  useWallKeyboard(layout?.columns ?? 1, toggleHelp);

  useEffect(() => {
    void loadLayouts();
    void loadGroups();
  }, [loadLayouts, loadGroups]);
  // Who is watching each camera: sessions have no live event, so they are re-read.
  usePolling(loadLiveSessions, WATCHERS_EVERY_MS);

  let content;
  if (fullscreen !== null) {
    content = (
      <div className="wall__full" data-testid="wall-fullscreen">
        <CameraTile key={`full:${fullscreen}`} id={fullscreen} mode="full" tabStop />
      </div>
    );
  } else if (pageIds.length > 0) {
    content = <WallGrid ids={pageIds} grid={grid} layout={layout} focus={focus} />;
  } else if (cameraCount > 0 && group !== null) {
    content = (
      <StateMessage
        icon={<GroupIcon size={24} />}
        title="No cameras in this group"
        action={
          <button type="button" className="button" onClick={() => setWallGroup(null)}>
            Show every camera
          </button>
        }
      >
        The group “{group}” has no camera that exists on this appliance. Add cameras to it under Groups.
      </StateMessage>
    );
  } else if (loadState === 'error') {
    content = (
      <StateMessage
        tone="danger"
        role="alert"
        icon={<WarningIcon size={24} />}
        title="Could not load the cameras"
        action={
          <button type="button" className="button" onClick={() => void loadCameras()}>
            <RefreshIcon size={16} />
            Try again
          </button>
        }
      >
        {error ?? 'The media core did not answer.'} The console keeps its live connection and will show cameras as soon as
        they report.
      </StateMessage>
    );
  } else if (loadState === 'ready') {
    content = (
      <StateMessage icon={<CameraOffIcon size={24} />} title="No cameras configured">
        Cameras appear here as soon as the media core is configured with sources. Each one is pulled once and shown live
        on this wall.
      </StateMessage>
    );
  } else {
    content = <StateMessage icon={<Spinner size={24} />} title="Loading cameras…" role="status" />;
  }

  return (
    <div className={`wall${fullscreen !== null ? ' wall--fullscreen' : ''}`} ref={areaRef}>
      {fullscreen !== null ? <FullscreenBar cameraId={fullscreen} areaRef={areaRef} /> : <WallToolbar onHelp={toggleHelp} />}
      <div className="wall__viewport" ref={viewportRef}>
        {content}
      </div>
      {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
