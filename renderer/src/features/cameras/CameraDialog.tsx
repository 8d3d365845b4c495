import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { Camera, CameraMode, RtspTransport } from '../../../../media-core/contracts/api';
import { Dialog } from '../../components/Dialog';
import { Spinner } from '../../components/Spinner';
import { useConsoleStore } from '../../store';
import { createRequest, emptyForm, formFrom, formProblems, updateRequest, type CameraForm } from './cameraForm';
import './cameras.css';

interface CameraDialogProps {
  /** The camera to edit; absent to add one. */
  camera?: Camera;
  onClose: () => void;
}

/** Add or edit a camera (admins). Credentials are never shown: an empty password keeps
 *  the stored one. The dialog stays open with the core's reason when it refuses. */
export function CameraDialog({ camera, onClose }: CameraDialogProps) {
  const createCamera = useConsoleStore((s) => s.createCamera);
  const updateCamera = useConsoleStore((s) => s.updateCamera);
  const creating = camera === undefined;
  const [before] = useState<CameraForm>(() => (camera ? formFrom(camera) : emptyForm()));
  const [form, setForm] = useState<CameraForm>(before);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problems = formProblems(form, creating);
  const set = <K extends keyof CameraForm>(key: K, value: CameraForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = creating ? await createCamera(createRequest(form)) : await updateCamera(camera.id, updateRequest(before, form));
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.message);
  };

  const text = (key: keyof CameraForm, label: string, hint?: ReactNode, extra: Record<string, unknown> = {}) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input className="field__input" name={`camera-${key}`} value={String(form[key])} onChange={(e) => set(key, e.target.value as never)} aria-invalid={problems[key] !== undefined && form[key] !== ''} {...extra} />
      {(problems[key] && form[key] !== '' ? problems[key] : hint) && <span className="form-hint">{problems[key] && form[key] !== '' ? problems[key] : hint}</span>}
    </label>
  );

  return (
    <Dialog
      title={creating ? 'Add camera' : `Edit ${camera.name}`}
      description="The appliance pulls each camera once and re-serves it; partners never reach the camera."
      wide
      onClose={onClose}
      testId="camera-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="camera-form" className="button button--primary" disabled={busy || Object.keys(problems).length > 0}>
            {busy && <Spinner size={14} />}
            {creating ? 'Add camera' : 'Save'}
          </button>
        </>
      }
    >
      <form id="camera-form" className="form camera-form" onSubmit={(event) => void submit(event)}>
        <div className="camera-form__row">
          {creating ? text('id', 'Id', 'Used in every stream URL, e.g. camera-42.', { autoComplete: 'off' }) : null}
          {text('name', 'Name')}
        </div>
        {text('source', 'Source address', 'rtsp://host:554/path, rtmp://…, http(s):// HLS or MJPEG, or file:name for a file in the media folder.', { autoComplete: 'off', spellCheck: false })}
        <div className="camera-form__row">
          {text('username', 'Username', creating ? 'If the camera asks for one.' : 'Empty keeps the stored one.', { autoComplete: 'off' })}
          {text('password', 'Password', creating ? 'Stored encrypted; never shown again.' : camera.hasCredentials ? 'Empty keeps the stored password.' : 'None stored.', { type: 'password', autoComplete: 'new-password' })}
        </div>
        {!creating && camera.hasCredentials && (
          <label className="camera-form__check">
            <input type="checkbox" checked={form.clearCredentials} onChange={(e) => set('clearCredentials', e.target.checked)} /> Forget the stored username and password
          </label>
        )}
        <div className="camera-form__row">
          <label className="field">
            <span className="field__label">RTSP transport</span>
            <select className="select select--field" value={form.transport} onChange={(e) => set('transport', e.target.value as RtspTransport)}>
              <option value="tcp">TCP: works through NAT and firewalls</option>
              <option value="udp">UDP: lowest latency on a clean LAN</option>
              <option value="auto">Auto: UDP, falling back to TCP</option>
            </select>
          </label>
          <label className="field">
            <span className="field__label">Mode</span>
            <select className="select select--field" value={form.mode} onChange={(e) => set('mode', e.target.value as CameraMode)}>
              <option value="always-on">Always on</option>
              <option value="on-demand">On demand: only while someone watches</option>
            </select>
          </label>
          {form.mode === 'on-demand' && text('idleStopSec', 'Stop after (s)', 'Seconds after the last viewer leaves.', { inputMode: 'numeric' })}
        </div>
        <div className="camera-form__row">
          {text('maxHeight', 'Maximum height', 'Downscale to at most this many lines; empty keeps the source size.', { inputMode: 'numeric' })}
          {text('maxBitrateKbps', 'Bitrate ceiling (kbit/s)', '400 to 4000; empty lets the appliance choose.', { inputMode: 'numeric' })}
        </div>
        {text('location', 'Location')}
        <label className="field">
          <span className="field__label">Notes</span>
          <textarea className="field__input" rows={2} value={form.notes} onChange={(e) => set('notes', e.target.value)} />
        </label>
        <label className="camera-form__check">
          <input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} /> Enabled
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
