import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useShallow } from 'zustand/react/shallow';
import type { SessionView } from '../../../../media-core/contracts/partners';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EyeIcon, EyeOffIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { cameraSelectors, liveSessionSelectors, sessionSelectors, useConsoleStore } from '../../store';
import type { ActionResult } from '../../store';
import './tile-watchers.css';

export type TileWatcher = Pick<SessionView, 'id' | 'partnerName' | 'protocol' | 'ip'>;

export interface TileWatchersData {
  cameraName: string;
  watchers: readonly TileWatcher[];
  /** The camera is under privacy blackout: partners are refused, operators still see it. */
  blackout: boolean;
  /** What is being changed now: a session id, or 'blackout'. */
  busy: string | null;
  /** Absent for viewers: they see, but do not act. */
  onEndSession?: (sessionId: string) => Promise<ActionResult>;
  onSetBlackout?: (on: boolean) => Promise<ActionResult>;
}

/** Who is watching a camera now (from the live-sessions list the wall polls) and the
 *  operator's two ways to cut them off. */
export function useTileWatchers(cameraId: string): TileWatchersData {
  const watchers = useConsoleStore(useShallow(liveSessionSelectors.onCamera(cameraId)));
  const camera = useConsoleStore(cameraSelectors.byId(cameraId));
  const isAdmin = useConsoleStore(sessionSelectors.isAdmin);
  const busy = useConsoleStore(liveSessionSelectors.busy);
  const endSession = useConsoleStore((s) => s.endSession);
  const setCameraBlackout = useConsoleStore((s) => s.setCameraBlackout);
  return {
    cameraName: camera?.name ?? cameraId,
    watchers,
    blackout: camera?.blackout === true,
    busy: busy === `blackout:${cameraId}` ? 'blackout' : busy,
    ...(isAdmin ? { onEndSession: endSession, onSetBlackout: (on: boolean) => setCameraBlackout(cameraId, on) } : {}),
  };
}

/** Keys and clicks inside the chip, its panel and its dialog are not the wall's. */
const stop = (event: { stopPropagation(): void }) => event.stopPropagation();

/** The chip "2 watching" (with the blackout mark), opening a panel of the sessions with
 *  an "End" each and the blackout switch. */
export function TileWatchers({ data }: { data: TileWatchersData }) {
  const { cameraName, watchers, blackout, busy, onEndSession, onSetBlackout } = data;
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!boxRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const run = async (action: Promise<ActionResult>) => {
    const result = await action;
    setError(result.ok ? null : result.message);
  };

  const count = watchers.length;
  return (
    <div
      ref={boxRef}
      className="tile-watchers"
      data-testid="tile-watchers"
      onDoubleClick={stop}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) setOpen(false);
        if (['Enter', ' ', 'Escape'].includes(event.key)) stop(event);
      }}
    >
      {blackout && (
        <span className="tile-watchers__blackout" data-testid="tile-blackout" title="Partners are refused until an admin lifts it">
          <EyeOffIcon size={12} /> Privacy blackout
        </span>
      )}
      <button
        type="button"
        className={`badge tile-watchers__chip${count > 0 ? ' tile-watchers__chip--on' : ''}`}
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        title="Partner sessions watching this camera now"
        data-testid="tile-watchers-count"
        data-count={count}
      >
        <EyeIcon size={12} /> {count} watching
      </button>
      {open && (
        <div className="tile-watchers__panel" role="dialog" aria-label={`Who is watching ${cameraName}`}>
          {count === 0 ? (
            <p className="tile-watchers__empty">{blackout ? 'No partner may watch during the blackout.' : 'No partner is watching.'}</p>
          ) : (
            <ul className="tile-watchers__list">
              {watchers.map((w) => (
                <li key={w.id} className="tile-watchers__row" data-testid="tile-watcher">
                  <span className="tile-watchers__who" title={w.ip}>
                    {w.partnerName}
                  </span>
                  <span className="tile-watchers__protocol mono">{w.protocol.toUpperCase()}</span>
                  {onEndSession && (
                    <button type="button" className="button button--ghost button--small" onClick={() => void run(onEndSession(w.id))} disabled={busy !== null} title="End this session now">
                      {busy === w.id && <Spinner size={12} />}
                      End
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {error && <p className="tile-watchers__error">{error}</p>}
          {onSetBlackout &&
            (blackout ? (
              <button type="button" className="button button--small" onClick={() => void run(onSetBlackout(false))} disabled={busy !== null} data-testid="lift-blackout">
                {busy === 'blackout' && <Spinner size={12} />}
                Lift privacy blackout
              </button>
            ) : (
              <button type="button" className="button button--danger button--small" onClick={() => setConfirming(true)} disabled={busy !== null} data-testid="start-blackout">
                <EyeOffIcon size={14} /> Privacy blackout
              </button>
            ))}
        </div>
      )}
      {confirming &&
        onSetBlackout &&
        createPortal(
          <ConfirmDialog title="Put the camera under privacy blackout?" confirmLabel="Black out for partners" onConfirm={() => onSetBlackout(true)} onClose={() => setConfirming(false)}>
            Every partner session to <strong>{cameraName}</strong> ends now{count > 0 ? ` (${count} running)` : ''}, and every partner is refused on every protocol until an
            admin lifts the blackout. Operators keep seeing the camera here, marked as blacked out.
          </ConfirmDialog>,
          document.body,
        )}
    </div>
  );
}
