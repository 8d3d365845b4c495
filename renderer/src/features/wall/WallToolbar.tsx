import { KeyboardIcon } from '../../components/icons';
import { GridPicker } from './GridPicker';
import { GroupPicker } from './GroupPicker';
import { LayoutMenu } from './LayoutMenu';
import { WallPager } from './WallPager';
import { WallSummary } from './WallSummary';

/** Above the wall: how it is doing, and how it is arranged. */
export function WallToolbar({ onHelp }: { onHelp: () => void }) {
  return (
    <div className="wall__toolbar">
      <WallSummary />
      <div className="wall__controls">
        <GroupPicker />
        <GridPicker />
        <WallPager />
        <LayoutMenu />
        <button type="button" className="button button--small button--icon button--ghost" onClick={onHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          <KeyboardIcon size={16} />
        </button>
      </div>
    </div>
  );
}
