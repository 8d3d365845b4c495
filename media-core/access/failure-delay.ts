import { setTimeout as sleep } from 'node:timers/promises';

/** Every failed authentication waits a little before answering, so guessing is slow and
 *  a failure cannot be told from a success by its speed. Jitter hides the hash cost. */
export function delayAfterFailure(baseMs = 250, jitterMs = 150): Promise<void> {
  return sleep(baseMs + Math.floor(Math.random() * jitterMs));
}
