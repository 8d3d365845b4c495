import type { SupervisorState } from './core-supervisor';

export interface StatusPageContext {
  productName: string;
  /** Shown on the error page so the operator knows where to look. */
  logFile: string | null;
  maxRestarts: number;
}

/**
 * The page the window shows while there is no console to show: the core is starting,
 * restarting before it ever came up, or the shell gave up on it. A data: URL, so it
 * works with the core down and has an opaque origin (the preload gives it no token).
 */
export function statusPageUrl(state: SupervisorState, ctx: StatusPageContext): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(statusPageHtml(state, ctx))}`;
}

export function statusPageHtml(state: SupervisorState, ctx: StatusPageContext): string {
  const { heading, lines, isError } = describe(state, ctx);
  const body = lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(ctx.productName)}</title>
<style>
  html,body{height:100%;margin:0;background:#0b0f14;color:#d6dde6;font:15px/1.5 system-ui,sans-serif}
  main{height:100%;display:flex;flex-direction:column;align-items:center;justify-content:center;text-align:center;padding:0 2rem}
  h1{font-size:1.4rem;font-weight:600;margin:0 0 .75rem;color:${isError ? '#ff8a80' : '#e8eef5'}}
  p{margin:.25rem 0;max-width:48rem;color:#9aa7b4;overflow-wrap:anywhere}
</style></head>
<body><main data-status="${escapeHtml(state.status)}"><h1>${escapeHtml(heading)}</h1>${body}</main></body></html>`;
}

function describe(state: SupervisorState, ctx: StatusPageContext): { heading: string; lines: string[]; isError: boolean } {
  switch (state.status) {
    case 'restarting':
      return {
        heading: 'The media core stopped unexpectedly',
        lines: [
          capitalise(state.reason) + '.',
          `Restarting in ${Math.ceil(state.delayMs / 1000)} s (attempt ${state.attempt} of ${ctx.maxRestarts}).`,
        ],
        isError: false,
      };
    case 'failed':
      return {
        heading: 'The media core could not be started',
        lines: [
          capitalise(state.reason) + '.',
          ...(ctx.logFile ? [`Details are in the log: ${ctx.logFile}`] : []),
          'Use “Restart media core” in the tray menu after fixing the cause, or quit and start the app again.',
        ],
        isError: true,
      };
    case 'stopping':
    case 'stopped':
      return { heading: 'Stopping the media core…', lines: [], isError: false };
    default:
      return { heading: `Starting ${ctx.productName}…`, lines: ['Opening the databases and camera listeners.'], isError: false };
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
