import { useEffect, useRef } from 'react';

/** Runs `task` now and every `intervalMs` while the component is mounted and the console
 *  is visible (a hidden window polls nothing); a run never overlaps the previous one. */
export function usePolling(task: () => Promise<unknown>, intervalMs: number, enabled = true): void {
  const latest = useRef(task);
  latest.current = task;

  useEffect(() => {
    if (!enabled) return;
    let running = false;
    const run = () => {
      if (running || document.visibilityState === 'hidden') return;
      running = true;
      void latest.current().finally(() => {
        running = false;
      });
    };
    run();
    const timer = setInterval(run, intervalMs);
    document.addEventListener('visibilitychange', run);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', run);
    };
  }, [intervalMs, enabled]);
}
