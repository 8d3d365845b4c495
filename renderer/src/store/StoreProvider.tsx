import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { ConsoleStore } from './types';

const StoreContext = createContext<StoreApi<ConsoleStore> | null>(null);

export function StoreProvider({ store, children }: { store: StoreApi<ConsoleStore>; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for event handlers that read the current state when they run
 *  (keyboard shortcuts) instead of re-rendering on every change. */
export function useConsoleStoreApi(): StoreApi<ConsoleStore> {
  return useStoreApi();
}

function useStoreApi(): StoreApi<ConsoleStore> {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useConsoleStore needs a <StoreProvider> above it');
  return store;
}

/** Select narrowly: a component re-renders only when its selection changes. */
export function useConsoleStore<T>(selector: (state: ConsoleStore) => T): T {
  return useStore(useStoreApi(), selector);
}
