// Wall layouts and camera groups, as the console API and its clients see them.
// Only types and constants: no Node imports.

/** Tiles per page of the wall; 'auto' sizes the grid to the number of cameras. */
export const WALL_GRIDS = [1, 4, 9, 16, 'auto'] as const;
export type WallGrid = (typeof WALL_GRIDS)[number];

/** shared: every operator sees it, only admins change it. personal: one operator's own
 *  (viewers may keep personal layouts: arranging one's own wall changes nothing else). */
export const LAYOUT_SCOPES = ['shared', 'personal'] as const;
export type LayoutScope = (typeof LAYOUT_SCOPES)[number];

export const LAYOUT_NAME_MAX = 64;
export const GROUP_NAME_MAX = 64;
/** Upper bound of camera ids a layout or group lists: far above any appliance's count. */
export const MAX_CAMERAS_PER_LIST = 1000;

export interface WallLayout {
  name: string;
  scope: LayoutScope;
  /** The operator a personal layout belongs to; null for a shared one. */
  owner: string | null;
  grid: WallGrid;
  /** Tile order: the wall shows these first, in this order, then any camera not listed
   *  (a camera added later) after them. Ids of removed cameras are skipped. */
  cameras: string[];
  /** When set, the wall shows only this group's cameras. */
  group: string | null;
  updatedAt: string;
  updatedBy: string;
}

/** PUT /api/v1/layouts/:name */
export interface WallLayoutInput {
  /** Default 'personal'. */
  scope?: LayoutScope;
  grid: WallGrid;
  cameras: string[];
  group: string | null;
}

/** A named set of cameras ("Entrances", "Motorway A1"), shared by all operators. */
export interface CameraGroup {
  name: string;
  /** Camera ids, in the order the wall shows them. */
  cameras: string[];
  updatedAt: string;
  updatedBy: string;
}

/** PUT /api/v1/camera-groups/:name */
export interface CameraGroupInput {
  cameras: string[];
}
