import { useRef } from 'react';
import type { CSSProperties } from 'react';
import { CameraOffIcon, RefreshIcon, WarningIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { StateMessage } from '../../components/StateMessage';
import { cameraSelectors, useConsoleStore } from '../../store';
import { CameraTile } from './CameraTile';
import { TILE_CAPTION_HEIGHT, WALL_GAP, useWallLayout } from './useWallLayout';
import { WallSummary } from './WallSummary';
import './wall.css';

export function CameraWall() {
  const ids = useConsoleStore(cameraSelectors.ids);
  const loadState = useConsoleStore(cameraSelectors.loadState);
  const error = useConsoleStore(cameraSelectors.error);
  const loadCameras = useConsoleStore((s) => s.loadCameras);
  const viewportRef = useRef<HTMLDivElement>(null);
  const layout = useWallLayout(viewportRef, ids.length);

  const gridStyle = {
    '--wall-gap': `${WALL_GAP}px`,
    '--tile-caption-height': `${TILE_CAPTION_HEIGHT}px`,
    gridTemplateColumns: layout ? `repeat(${layout.columns}, ${layout.tileWidth}px)` : undefined,
  } as CSSProperties;

  return (
    <div className="wall">
      <div className="wall__toolbar">
        <WallSummary />
      </div>
      <div className="wall__viewport" ref={viewportRef}>
        {ids.length > 0 ? (
          <div className={`wall__grid${layout?.fits === false ? ' wall__grid--scrolls' : ''}`} style={gridStyle} data-testid="camera-wall">
            {ids.map((id) => (
              <CameraTile key={id} id={id} />
            ))}
          </div>
        ) : loadState === 'error' ? (
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
            {error ?? 'The media core did not answer.'} The console keeps its live connection and will show cameras as
            soon as they report.
          </StateMessage>
        ) : loadState === 'ready' ? (
          <StateMessage icon={<CameraOffIcon size={24} />} title="No cameras configured">
            Cameras appear here as soon as the media core is configured with sources. Each one is pulled once and shown
            live on this wall.
          </StateMessage>
        ) : (
          <StateMessage icon={<Spinner size={24} />} title="Loading cameras…" role="status" />
        )}
      </div>
    </div>
  );
}
