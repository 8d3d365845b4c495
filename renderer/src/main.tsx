import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createConsoleApi } from './services/consoleApi';
import { createDesktopBridge } from './services/desktopBridge';
import { createConsoleEvents } from './services/events';
import { createDesktopNotifier } from './services/notifications';
import { createSessionTokenStorage } from './services/tokenStorage';
import { StoreProvider, createConsoleStore } from './store';
import './styles/tokens.css';
import './styles/base.css';
import './components/components.css';
import './components/controls.css';
import './app/shell.css';

// The core serves this page and its API from one origin (browser and Electron alike),
// so every service talks to relative URLs.
const store = createConsoleStore({
  api: createConsoleApi(),
  events: createConsoleEvents(),
  desktop: createDesktopBridge(window as { wink?: unknown }),
  tokens: createSessionTokenStorage(),
  notifier: createDesktopNotifier(window as { wink?: unknown; Notification?: unknown; focus?: () => void }),
});

const root = document.getElementById('root');
if (root === null) throw new Error('index.html lacks the #root element');

createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
