// Part of the fake console API the slice tests use (see ../testing.ts). Not imported by the app.
import type { CameraGroup, CameraGroupInput, LayoutScope, WallLayout, WallLayoutInput } from '../../../../media-core/contracts/layouts';
import { ConsoleApiError } from '../../services/consoleApiError';
import type { WallApi } from '../../services/wallApi';
import { FakeOperatorsApi } from './fakeOperatorsApi';

const AT = '2024-10-01T12:00:00.000Z';

/** Layouts and camera groups kept in memory, as the core would keep them for `admin`. */
export abstract class FakeWallApi extends FakeOperatorsApi implements WallApi {
  layouts: WallLayout[] = [];
  groups: CameraGroup[] = [];
  /** Inputs of every saveLayout call, in order. */
  readonly savedLayouts: { name: string; input: WallLayoutInput }[] = [];

  async listLayouts(token: string): Promise<WallLayout[]> {
    this.authorize('listLayouts', token);
    return this.layouts;
  }

  async saveLayout(token: string, name: string, input: WallLayoutInput): Promise<WallLayout> {
    this.authorize('saveLayout', token);
    this.savedLayouts.push({ name, input });
    const scope = input.scope ?? 'personal';
    const saved: WallLayout = {
      name,
      scope,
      owner: scope === 'shared' ? null : 'admin',
      grid: input.grid,
      cameras: input.cameras,
      group: input.group,
      updatedAt: AT,
      updatedBy: 'admin',
    };
    this.layouts = [...this.layouts.filter((l) => !(l.name === name && l.scope === scope)), saved];
    return saved;
  }

  async deleteLayout(token: string, name: string, scope: LayoutScope): Promise<void> {
    this.authorize('deleteLayout', token);
    const before = this.layouts.length;
    this.layouts = this.layouts.filter((l) => !(l.name === name && l.scope === scope));
    if (this.layouts.length === before) throw new ConsoleApiError('NOT_FOUND', `no ${scope} layout named "${name}"`, 404);
  }

  async listCameraGroups(token: string): Promise<CameraGroup[]> {
    this.authorize('listCameraGroups', token);
    return this.groups;
  }

  async saveCameraGroup(token: string, name: string, input: CameraGroupInput): Promise<CameraGroup> {
    this.authorize('saveCameraGroup', token);
    const saved: CameraGroup = { name, cameras: input.cameras, updatedAt: AT, updatedBy: 'admin' };
    this.groups = [...this.groups.filter((g) => g.name !== name), saved];
    return saved;
  }

  async deleteCameraGroup(token: string, name: string): Promise<void> {
    this.authorize('deleteCameraGroup', token);
    const before = this.groups.length;
    this.groups = this.groups.filter((g) => g.name !== name);
    if (this.groups.length === before) throw new ConsoleApiError('NOT_FOUND', `no camera group named "${name}"`, 404);
  }
}
