import { memo, useRef } from 'react';
import type { Camera } from '../../../../media-core/contracts/api';
import { CameraOffIcon, PauseIcon, WarningIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { operatorPlaylistUrl } from '../../services/consoleApi';
import { cameraSelectors, sessionSelectors, useConsoleStore } from '../../store';
import { STATUS_PRESENTATION, isPlayable, statusReason } from './cameraStatus';
import { statsSummary } from './formatStats';
import { StatusBadge } from './StatusBadge';
import { tileOverlay } from './tileOverlay';
import type { TileOverlay } from './tileOverlay';
import { useHlsPlayer } from './useHlsPlayer';
import { useInView } from './useInView';
import { usePageVisible } from './usePageVisible';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function since(iso: string): string | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : `Since ${timeFormat.format(date)}`;
}

/** One camera on the wall: its live picture (or why there is none), status and figures. */
export const CameraTile = memo(function CameraTile({ id }: { id: string }) {
  const camera = useConsoleStore(cameraSelectors.byId(id));
  const token = useConsoleStore(sessionSelectors.token);
  const tileRef = useRef<HTMLElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const inView = useInView(tileRef);
  const pageVisible = usePageVisible();

  const status = camera?.status ?? 'offline';
  const watching = inView && pageVisible;
  const src = watching && token !== null && isPlayable(status) ? operatorPlaylistUrl(id, token) : null;
  const playback = useHlsPlayer(videoRef, src);

  if (camera === undefined) return null;
  const overlay = tileOverlay(status, playback, watching);
  const figures = camera.status === 'live' || camera.status === 'stalled' ? statsSummary(camera.stats) : [];

  return (
    <article
      ref={tileRef}
      className={`tile tile--${status}`}
      data-testid="camera-tile"
      data-camera-id={id}
      data-status={status}
      data-playback={playback}
      aria-label={`${camera.name}: ${STATUS_PRESENTATION[status].label}`}
    >
      <div className="tile__media">
        <video ref={videoRef} className="tile__video" muted autoPlay playsInline disablePictureInPicture aria-hidden="true" />
        <TileOverlayView overlay={overlay} camera={camera} />
        <div className="tile__badges">
          <StatusBadge status={status} />
        </div>
      </div>
      <footer className="tile__caption">
        <span className="tile__name" title={`${camera.name} (${camera.id})`}>
          {camera.name}
        </span>
        {figures.length > 0 && <span className="tile__figures tabular">{figures.join(' · ')}</span>}
      </footer>
    </article>
  );
});

function TileOverlayView({ overlay, camera }: { overlay: TileOverlay; camera: Camera }) {
  switch (overlay.kind) {
    case 'none':
      return null;
    case 'down':
      return (
        <div className="tile__overlay tile__overlay--down" role="status">
          <span className="tile__overlay-icon">
            {camera.status === 'error' ? <WarningIcon size={26} /> : <CameraOffIcon size={26} />}
          </span>
          <span className="tile__overlay-title">Camera {STATUS_PRESENTATION[camera.status].label.toLowerCase()}</span>
          <span className="tile__overlay-text" data-testid="camera-status-reason">
            {statusReason(camera)}
          </span>
          {since(camera.statusSince) && <span className="tile__overlay-meta">{since(camera.statusSince)}</span>}
        </div>
      );
    case 'paused':
      return (
        <div className="tile__overlay tile__overlay--quiet">
          <PauseIcon size={20} />
          <span className="tile__overlay-text">Paused while out of view</span>
        </div>
      );
    case 'unsupported':
      return (
        <div className="tile__overlay tile__overlay--down">
          <WarningIcon size={24} />
          <span className="tile__overlay-text">This browser cannot play HLS video. Use the desktop console or a current Chrome, Edge or Firefox.</span>
        </div>
      );
    case 'stalled':
      return (
        <div className="tile__overlay tile__overlay--stalled" role="status">
          <WarningIcon size={18} />
          <span className="tile__overlay-text" data-testid="camera-status-reason">
            {statusReason(camera)}
          </span>
        </div>
      );
    case 'waiting':
      return (
        <div className="tile__overlay tile__overlay--quiet">
          <Spinner size={20} />
          <span className="tile__overlay-text">{overlay.text}</span>
        </div>
      );
  }
}
