import { Dialog } from '../../components/Dialog';
import { WALL_SHORTCUTS } from './wallKeys';
import './shortcuts.css';

/** The wall's keyboard map ('?'). */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" description="For the camera wall. Click a tile or press an arrow key to start." onClose={onClose} testId="shortcut-help">
      <table className="shortcuts">
        <tbody>
          {WALL_SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.does}>
              <th scope="row">
                {shortcut.keys.map((key) => (key === '+' ? <span key={key}> + </span> : <kbd key={key}>{key}</kbd>))}
              </th>
              <td>{shortcut.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="form-hint">Drag a tile onto another to swap them. Save the arrangement as a named layout to come back to it.</p>
    </Dialog>
  );
}
