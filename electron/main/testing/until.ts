/** Polls `probe` until it returns something truthy; bounded, so a broken shell fails the
 *  test with `what` instead of hanging it. */
export async function until<T>(what: string, probe: () => T | undefined | null | false, tries = 400): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}
