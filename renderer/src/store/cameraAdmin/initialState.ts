export interface CameraAdminState {
  /** The camera a change is on its way for ('' while adding one), so its row and dialog
   *  can show progress and refuse a second click. */
  cameraAdminBusy: string | null;
}

export const initialCameraAdminState: CameraAdminState = {
  cameraAdminBusy: null,
};
