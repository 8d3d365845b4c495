import { ChevronLeftIcon, ChevronRightIcon } from '../../components/icons';
import { useConsoleStore, wallSelectors } from '../../store';

/** Pages of a fixed grid with more cameras than places; hidden when one page holds all. */
export function WallPager() {
  const page = useConsoleStore(wallSelectors.page);
  const pages = useConsoleStore(wallSelectors.pageCount);
  const setWallPage = useConsoleStore((s) => s.setWallPage);
  if (pages <= 1) return null;
  return (
    <div className="pager" role="group" aria-label="Wall pages">
      <button type="button" className="button button--small button--icon" onClick={() => setWallPage(page - 1)} disabled={page === 0} aria-label="Previous page" title="Previous page (PgUp)">
        <ChevronLeftIcon size={14} />
      </button>
      <span className="pager__label tabular" data-testid="wall-page">
        Page {page + 1} of {pages}
      </span>
      <button type="button" className="button button--small button--icon" onClick={() => setWallPage(page + 1)} disabled={page >= pages - 1} aria-label="Next page" title="Next page (PgDn)">
        <ChevronRightIcon size={14} />
      </button>
    </div>
  );
}
