import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { startLiveCamera } from './rtsp-harness-camera';
import { startTestRtsp } from './rtsp-harness-tools';

it('scratch server', async () => {
  const cam = await startLiveCamera('cam1');
  const rtsp = await startTestRtsp({ cam1: cam.stream });
  rtsp.access.allowToken('abc', ['cam1']);
  writeFileSync('/tmp/rtsp-url', rtsp.url('cam1', 'token=abc'));
  const t = setInterval(() => writeFileSync('/tmp/rtsp-stats', JSON.stringify(rtsp.server.stats())), 500);
  await new Promise((r) => setTimeout(r, Number(process.env.SCRATCH_MS ?? 90000)));
  clearInterval(t);
  await rtsp.close();
  await cam.stop();
}, 600000);
