import { useState } from 'react';
import type { Camera } from '../../../../media-core/contracts/api';
import { CameraOffIcon, PauseIcon, WarningIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { STATUS_PRESENTATION, statusReason } from './cameraStatus';
import type { TileOverlay } from './tileOverlay';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function since(iso: string): string | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : `Since ${timeFormat.format(date)}`;
}

/** What covers the picture; `snapshotUrl` offers a down camera's last picture. */
export function TileOverlayView({ overlay, camera, snapshotUrl }: { overlay: TileOverlay; camera: Camera; snapshotUrl: string | null }) {
  switch (overlay.kind) {
    case 'none':
      return null;
    case 'down':
      // Keyed by URL: a new picture starts over from "loading".
      return <DownOverlay key={snapshotUrl ?? 'none'} camera={camera} snapshotUrl={snapshotUrl} />;
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

/** A camera that cannot deliver: its last snapshot (when the core has one) under a bar
 *  with the reason, else a panel with the reason. */
function DownOverlay({ camera, snapshotUrl }: { camera: Camera; snapshotUrl: string | null }) {
  const [snapshot, setSnapshot] = useState<'loading' | 'shown' | 'none'>(snapshotUrl === null ? 'none' : 'loading');
  const title = `Camera ${STATUS_PRESENTATION[camera.status].label.toLowerCase()}`;
  const when = since(camera.statusSince);

  return (
    <>
      {snapshotUrl !== null && snapshot !== 'none' && (
        <img
          className="tile__snapshot"
          src={snapshotUrl}
          alt=""
          draggable={false}
          hidden={snapshot !== 'shown'}
          data-testid="camera-snapshot"
          onLoad={() => setSnapshot('shown')}
          onError={() => setSnapshot('none')}
        />
      )}
      {snapshot === 'shown' ? (
        <div className="tile__overlay tile__overlay--snapshot" role="status">
          <span className="tile__snapshot-label">Last picture</span>
          <span className="tile__overlay-title">{title}</span>
          <span className="tile__overlay-text" data-testid="camera-status-reason">
            {statusReason(camera)}
          </span>
          {when && <span className="tile__overlay-meta">{when}</span>}
        </div>
      ) : (
        <div className="tile__overlay tile__overlay--down" role="status">
          <span className="tile__overlay-icon">{camera.status === 'error' ? <WarningIcon size={26} /> : <CameraOffIcon size={26} />}</span>
          <span className="tile__overlay-title">{title}</span>
          <span className="tile__overlay-text" data-testid="camera-status-reason">
            {statusReason(camera)}
          </span>
          {when && <span className="tile__overlay-meta">{when}</span>}
        </div>
      )}
    </>
  );
}
