export type SectionId = 'wall' | 'partners' | 'alerts' | 'audit' | 'system';

export interface SectionInfo {
  id: SectionId;
  label: string;
  /** One line under the title in the top bar. */
  description: string;
}

export const SECTIONS: readonly SectionInfo[] = [
  { id: 'wall', label: 'Wall', description: 'Every camera, live' },
  { id: 'partners', label: 'Partners', description: 'Who receives which cameras' },
  { id: 'alerts', label: 'Alerts', description: 'Abuse monitor and access warnings' },
  { id: 'audit', label: 'Audit', description: 'Every access decision and session' },
  { id: 'system', label: 'System', description: 'Listeners, health, resources and operators' },
];

export const DEFAULT_SECTION: SectionId = 'wall';

export function sectionFromHash(hash: string): SectionId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return SECTIONS.some((s) => s.id === id) ? (id as SectionId) : DEFAULT_SECTION;
}

export function sectionInfo(id: SectionId): SectionInfo {
  return SECTIONS.find((s) => s.id === id) ?? SECTIONS[0]!;
}

/** What follows the section in the hash: '#/partners/news-desk' → 'news-desk', else null. */
export function detailFromHash(hash: string): string | null {
  const [, detail] = hash.replace(/^#\/?/, '').split('?')[0]!.split('/');
  return detail ? decodeURIComponent(detail) : null;
}
