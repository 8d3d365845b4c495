import { describe, expect, it } from 'vitest';
import { ConsoleApiError } from '../../services/consoleApiError';
import { cameraSelectors } from '../cameras/selectors';
import { liveSession } from '../fakes/fakeMonitorApi';
import { createHarness, signedIn } from '../testing';
import type { Harness } from '../testing';
import { liveSessionSelectors } from './selectors';

async function watched(): Promise<Harness> {
  const harness = createHarness();
  await signedIn(harness);
  harness.api.sessions = [
    liveSession('s2', 'demo-1', { startedAt: '2024-10-01T12:05:00.000Z', protocol: 'rtsp', partnerId: 'vms', partnerName: 'Agency VMS' }),
    liveSession('s1', 'demo-1'),
    liveSession('s3', 'demo-2'),
  ];
  await harness.store.getState().loadLiveSessions();
  return harness;
}

const onCamera = (h: Harness, id: string) => liveSessionSelectors.onCamera(id)(h.store.getState()).map((s) => `${s.partnerName}/${s.protocol}`);

describe('live sessions slice', () => {
  it('groups who is watching by camera and by partner, oldest session first', async () => {
    const harness = await watched();
    expect(onCamera(harness, 'demo-1')).toEqual(['Partner news/hls', 'Agency VMS/rtsp']);
    expect(liveSessionSelectors.countOfPartner('news')(harness.store.getState())).toBe(2);
  });

  it('ends one session', async () => {
    const harness = await watched();

    expect((await harness.store.getState().endSession('s1')).ok).toBe(true);

    expect(onCamera(harness, 'demo-1')).toEqual(['Agency VMS/rtsp']);
    expect(harness.api.sessions.map((s) => s.id)).toEqual(['s2', 's3']);
  });

  it('blacks a camera out: its sessions go and the camera is marked; lifting unmarks it', async () => {
    const harness = await watched();

    await harness.store.getState().setCameraBlackout('demo-1', true);

    expect(onCamera(harness, 'demo-1')).toEqual([]);
    expect(onCamera(harness, 'demo-2')).toHaveLength(1);
    expect(cameraSelectors.byId('demo-1')(harness.store.getState())?.blackout).toBe(true);

    await harness.store.getState().setCameraBlackout('demo-1', false);
    expect(cameraSelectors.byId('demo-1')(harness.store.getState())?.blackout).toBe(false);
  });

  it('keeps the last list when a refresh fails', async () => {
    const harness = await watched();
    harness.api.failNext('listSessions', new ConsoleApiError('NETWORK', 'down', 0));

    await harness.store.getState().loadLiveSessions();

    expect(liveSessionSelectors.all(harness.store.getState())).toHaveLength(3);
    expect(liveSessionSelectors.error(harness.store.getState())).toBe('down');
  });
});
