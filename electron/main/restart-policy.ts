/** How the shell relaunches a core that stopped on its own. */
export interface RestartPolicy {
  /** Delay before the first restart after a steady run. */
  initialDelayMs: number;
  /** The delay doubles per crash up to this cap. */
  maxDelayMs: number;
  /** A core that ran this long counts as steady: the next crash starts a new streak. */
  steadyAfterMs: number;
  /** Restarts allowed in one streak of crashes; the next crash makes the shell give up. */
  maxRestarts: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  steadyAfterMs: 60_000,
  // 1+2+4+8+16+30 s: about a minute of retrying before the operator sees the error page.
  maxRestarts: 6,
};

/** Delay before restart number `attempt` (1-based) of the current streak. */
export function restartDelayMs(attempt: number, policy: RestartPolicy): number {
  const exponent = Math.max(0, attempt - 1);
  // Capping the exponent keeps 2 ** n finite however long the streak gets.
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(exponent, 30));
}
