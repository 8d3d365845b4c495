import { useSyncExternalStore } from 'react';
import { detailFromHash, sectionFromHash } from './sections';
import type { SectionId } from './sections';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The visible section lives in the URL hash (#/system), so reload and back/forward work
 *  without a router, and the core serves a single page at `/`. */
export function useHashSection(): SectionId {
  return useSyncExternalStore(subscribe, () => sectionFromHash(window.location.hash), () => 'wall');
}

export function sectionHref(id: SectionId): string {
  return `#/${id}`;
}

/** The item a section shows on its own (#/partners/<id>), null for the section's list. */
export function useHashDetail(): string | null {
  return useSyncExternalStore(subscribe, () => detailFromHash(window.location.hash), () => null);
}

export function detailHref(id: SectionId, detail: string): string {
  return `#/${id}/${encodeURIComponent(detail)}`;
}
