import { useState } from 'react';
import type { Camera } from '../../../../media-core/contracts/api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PlusIcon } from '../../components/icons';
import { cameraAdminSelectors, cameraSelectors, sessionSelectors, useConsoleStore } from '../../store';
import { CameraDialog } from './CameraDialog';
import './cameras.css';

type Open = { kind: 'add' } | { kind: 'edit'; camera: Camera } | { kind: 'delete'; camera: Camera } | null;

/** Every camera with its source, ingest path and status, and (for admins) add, edit and
 *  delete. Meant to be mounted by the console's camera or system section. */
export function CameraAdminList() {
  const ids = useConsoleStore(cameraSelectors.ids);
  const byId = useConsoleStore((s) => s.camerasById);
  const busy = useConsoleStore(cameraAdminSelectors.busy);
  const isAdmin = useConsoleStore(sessionSelectors.isAdmin);
  const deleteCamera = useConsoleStore((s) => s.deleteCamera);
  const [open, setOpen] = useState<Open>(null);
  const cameras = ids.map((id) => byId[id]).filter((c): c is Camera => c !== undefined);

  return (
    <section className="camera-admin" data-testid="camera-admin">
      <button type="button" className="button button--small" onClick={() => setOpen({ kind: 'add' })} disabled={!isAdmin} title={isAdmin ? undefined : 'Only admins manage cameras'}>
        <PlusIcon size={14} /> Add camera
      </button>
      <table className="camera-admin__table">
        <thead>
          <tr>
            <th>Camera</th>
            <th>Source</th>
            <th>Ingest</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {cameras.map((c) => (
            <tr key={c.id}>
              <td>
                {c.name}
                <div className="camera-admin__muted">{c.id}{c.mode === 'on-demand' ? ' · on demand' : ''}</div>
              </td>
              <td className="camera-admin__muted">{c.source ?? 'demo'}</td>
              <td title={c.ingest?.reason ?? undefined}>{c.ingest?.path ?? '…'}</td>
              <td title={c.statusReason ?? undefined}>{c.status}</td>
              <td>
                <button type="button" className="button button--ghost button--small" disabled={!isAdmin || busy !== null} onClick={() => setOpen({ kind: 'edit', camera: c })}>
                  Edit
                </button>
                <button type="button" className="button button--ghost button--small" disabled={!isAdmin || busy !== null} onClick={() => setOpen({ kind: 'delete', camera: c })}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open?.kind === 'add' && <CameraDialog onClose={() => setOpen(null)} />}
      {open?.kind === 'edit' && <CameraDialog camera={open.camera} onClose={() => setOpen(null)} />}
      {open?.kind === 'delete' && (
        <ConfirmDialog title={`Delete ${open.camera.name}?`} confirmLabel="Delete camera" onConfirm={() => deleteCamera(open.camera.id)} onClose={() => setOpen(null)}>
          The appliance stops pulling it at once, and partners lose it. Its stream URLs stop working.
        </ConfirmDialog>
      )}
    </section>
  );
}
