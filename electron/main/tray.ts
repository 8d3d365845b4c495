import { Menu, Tray, nativeImage } from 'electron';
import type { CoreStatusMessage } from '../contracts/core-messages';
import type { CoreStatus } from '../contracts/preload-api';
import { summarizeAppliance } from './appliance-summary';
import type { ShellLog } from './shell-log';

export interface TrayActions {
  openConsole(): void;
  restartCore(): void;
  quit(): void;
}

const STATUS_LABEL: Record<CoreStatus, string> = {
  starting: 'Media core: starting…',
  up: 'Media core: running',
  restarting: 'Media core: restarting…',
  failed: 'Media core: stopped (failed)',
  stopping: 'Media core: stopping…',
  stopped: 'Media core: stopped',
};

/** The tray icon keeps the appliance reachable with its window closed. */
export class AppTray {
  readonly #tray: Tray;
  readonly #productName: string;
  readonly #actions: TrayActions;
  #status: CoreStatus = 'starting';
  #appliance: string | null = null;

  constructor(iconPath: string, productName: string, actions: TrayActions, log: ShellLog) {
    let image = nativeImage.createFromPath(iconPath);
    if (image.isEmpty()) log.warn('tray icon not found; the tray entry may be invisible', { iconPath });
    else if (process.platform !== 'linux') image = image.resize({ width: 16, height: 16 });
    this.#tray = new Tray(image);
    this.#productName = productName;
    this.#actions = actions;
    // Windows and macOS: a click opens the console; Linux indicators only show the menu.
    this.#tray.on('click', () => actions.openConsole());
    this.update('starting');
  }

  /** The appliance at a glance (cameras, alerts), shown while the core is up. */
  setAppliance(status: CoreStatusMessage): void {
    this.#appliance = summarizeAppliance(status).text;
    this.update(this.#status);
  }

  update(status: CoreStatus): void {
    this.#status = status;
    const appliance = status === 'up' ? this.#appliance : null;
    this.#tray.setToolTip(`${this.#productName} — ${appliance ?? STATUS_LABEL[status]}`);
    // Linux indicators only pick up a changed menu when it is set again.
    this.#tray.setContextMenu(
      Menu.buildFromTemplate([
        ...(appliance ? [{ label: appliance, enabled: false }] : []),
        { label: STATUS_LABEL[status], enabled: false },
        { type: 'separator' },
        { label: 'Open console', click: () => this.#actions.openConsole() },
        { label: 'Restart media core', enabled: status === 'failed', click: () => this.#actions.restartCore() },
        { type: 'separator' },
        { label: `Quit ${this.#productName}`, click: () => this.#actions.quit() },
      ]),
    );
  }

  destroy(): void {
    this.#tray.destroy();
  }
}
