/** Keeps the browser session across a page reload. sessionStorage, not localStorage:
 *  the token dies with the tab, so a shared control-room PC does not stay signed in. */
export interface TokenStorage {
  read(): string | null;
  write(token: string): void;
  clear(): void;
}

const KEY = 'wink.console.token';

export function createSessionTokenStorage(): TokenStorage {
  const storage = (): Storage | null => {
    try {
      return globalThis.sessionStorage ?? null;
    } catch {
      // Access throws when storage is disabled by policy.
      return null;
    }
  };
  return {
    read: () => storage()?.getItem(KEY) ?? null,
    write: (token) => storage()?.setItem(KEY, token),
    clear: () => storage()?.removeItem(KEY),
  };
}

export function createMemoryTokenStorage(initial: string | null = null): TokenStorage {
  let token = initial;
  return {
    read: () => token,
    write: (next) => {
      token = next;
    },
    clear: () => {
      token = null;
    },
  };
}
