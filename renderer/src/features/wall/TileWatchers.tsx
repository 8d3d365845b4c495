import type { SessionView } from '../../../../media-core/contracts/partners';

// ─── SLOT: who is watching + privacy blackout ──────────────────────────────────────────
// Partner sessions per camera arrive with the partner issue (issue 6, partner part). Until
// the store has them, `useTileWatchers` answers undefined and the tile renders nothing
// here. To fill the slot: give the store a sessions-by-camera selector and blackout
// actions, return them from `useTileWatchers`, and the tile shows the watchers chip (partner
// name and protocol per session, with an "end" action) and the blackout action.

export type TileWatcher = Pick<SessionView, 'id' | 'partnerName' | 'protocol'>;

export interface TileWatchersData {
  watchers: readonly TileWatcher[];
  /** The camera is under privacy blackout: partners are refused, operators still see it. */
  blackout: boolean;
  /** Absent for viewers: they see, but do not act. */
  onEndSession?: (sessionId: string) => void;
  onToggleBlackout?: () => void;
}

export function useTileWatchers(_cameraId: string): TileWatchersData | undefined {
  return undefined;
}

/** The chip "3 watching" with the sessions and the blackout action; nothing without data. */
export function TileWatchers({ data }: { data: TileWatchersData | undefined }) {
  if (data === undefined) return null;
  const { watchers, blackout, onEndSession, onToggleBlackout } = data;
  return (
    <div className="tile-watchers" data-testid="tile-watchers">
      {blackout && <span className="tile-watchers__blackout">Privacy blackout</span>}
      <details className="tile-watchers__menu">
        <summary className="badge" title="Partner sessions watching this camera now">
          {watchers.length} watching
        </summary>
        <ul className="tile-watchers__list">
          {watchers.map((w) => (
            <li key={w.id}>
              <span>{w.partnerName}</span>
              <span className="mono">{w.protocol.toUpperCase()}</span>
              {onEndSession && (
                <button type="button" className="button button--ghost button--small" onClick={() => onEndSession(w.id)}>
                  End
                </button>
              )}
            </li>
          ))}
        </ul>
        {onToggleBlackout && (
          <button type="button" className="button button--danger button--small" onClick={onToggleBlackout}>
            {blackout ? 'Lift privacy blackout' : 'Privacy blackout'}
          </button>
        )}
      </details>
    </div>
  );
}
