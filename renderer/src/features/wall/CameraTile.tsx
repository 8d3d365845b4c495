import { memo, useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { operatorPlaylistUrl } from '../../services/consoleApi';
import { cameraSnapshotUrl } from '../../services/wallApi';
import { cameraSelectors, sessionSelectors, useConsoleStore } from '../../store';
import { STATUS_PRESENTATION, isPlayable } from './cameraStatus';
import { statsSummary } from './formatStats';
import { StatusBadge } from './StatusBadge';
import { tileOverlay } from './tileOverlay';
import { TileOverlayView } from './TileOverlayView';
import { TileWatchers, useTileWatchers } from './TileWatchers';
import { useHlsPlayer } from './useHlsPlayer';
import { useInView } from './useInView';
import { usePageVisible } from './usePageVisible';
import { useTileDrag } from './useTileDrag';

interface CameraTileProps {
  id: string;
  /** grid: one tile of the wall; full: the camera alone over the whole wall. */
  mode?: 'grid' | 'full';
  /** The one tile Tab stops at (roving tab index): the selected one. */
  tabStop?: boolean;
}

/** One camera on the wall: its live picture (or why there is none), status and figures.
 *  Double-click (or Enter) shows it full screen; drag it onto another tile to swap. */
export const CameraTile = memo(function CameraTile({ id, mode = 'grid', tabStop = false }: CameraTileProps) {
  const camera = useConsoleStore(cameraSelectors.byId(id));
  const token = useConsoleStore(sessionSelectors.token);
  const selected = useConsoleStore((s) => s.wallFocus === id);
  const openFullscreen = useConsoleStore((s) => s.openFullscreen);
  const closeFullscreen = useConsoleStore((s) => s.closeFullscreen);
  const focusWallTile = useConsoleStore((s) => s.focusWallTile);
  const tileRef = useRef<HTMLElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const inView = useInView(tileRef);
  const pageVisible = usePageVisible();
  const drag = useTileDrag(id, mode === 'grid');
  const watchers = useTileWatchers(id);
  useFocusWhenSelected(tileRef, selected);

  const status = camera?.status ?? 'offline';
  const watching = inView && pageVisible;
  const src = watching && token !== null && isPlayable(status) ? operatorPlaylistUrl(id, token) : null;
  const playback = useHlsPlayer(videoRef, src);

  if (camera === undefined) return null;
  const overlay = tileOverlay(status, playback, watching);
  const figures = camera.status === 'live' || camera.status === 'stalled' ? statsSummary(camera.stats) : [];
  const snapshotUrl = overlay.kind === 'down' && watching && token !== null ? cameraSnapshotUrl(id, token, camera.statusSince) : null;

  return (
    <article
      ref={tileRef}
      className={`tile tile--${status} tile--${mode}${drag.over ? ' tile--drop-target' : ''}${selected ? ' tile--selected' : ''}${camera.blackout ? ' tile--blackout' : ''}`}
      tabIndex={tabStop ? 0 : -1}
      data-testid="camera-tile"
      data-camera-id={id}
      data-status={status}
      data-playback={playback}
      data-mode={mode}
      data-blackout={camera.blackout === true}
      aria-label={`${camera.name}: ${STATUS_PRESENTATION[status].label}`}
      onFocus={() => focusWallTile(id)}
      onDoubleClick={() => (mode === 'full' ? closeFullscreen() : openFullscreen(id))}
      {...drag.props}
    >
      <div className="tile__media">
        <video ref={videoRef} className="tile__video" muted autoPlay playsInline disablePictureInPicture aria-hidden="true" />
        <TileOverlayView overlay={overlay} camera={camera} snapshotUrl={snapshotUrl} />
        {camera.blackout && <div className="tile__blackout-bar">Privacy blackout · partners refused</div>}
        <div className="tile__badges">
          <TileWatchers data={watchers} />
          <StatusBadge status={status} />
        </div>
      </div>
      <footer className="tile__caption">
        <span className="tile__name" title={`${camera.name} (${camera.id})`}>
          {camera.name}
        </span>
        {figures.length > 0 && (
          <span className="tile__figures tabular" data-testid="camera-figures">
            {figures.join(' · ')}
          </span>
        )}
      </footer>
    </article>
  );
});

/** Moves keyboard focus to the selected tile when nothing else holds it (after leaving
 *  full screen, the full-screen tile that had focus is gone). */
function useFocusWhenSelected(ref: RefObject<HTMLElement | null>, selected: boolean): void {
  useEffect(() => {
    const element = ref.current;
    if (!selected || element === null) return;
    const active = document.activeElement;
    if (active === null || active === document.body) element.focus();
  }, [ref, selected]);
}
