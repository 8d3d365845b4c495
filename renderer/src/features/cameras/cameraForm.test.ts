import { describe, expect, it } from 'vitest';
import { camera } from '../../store/testing';
import { createRequest, emptyForm, formFrom, formProblems, updateRequest } from './cameraForm';

describe('camera form', () => {
  it('builds a create request with numbers and without empty credentials', () => {
    const form = { ...emptyForm(), id: 'gate', name: ' Gate ', source: 'rtsp://10.0.0.5/live', maxHeight: '720' };
    expect(formProblems(form, true)).toEqual({});
    expect(createRequest(form)).toMatchObject({ id: 'gate', name: 'Gate', source: 'rtsp://10.0.0.5/live', maxHeight: 720, maxBitrateKbps: null, idleStopSec: 30 });
    expect(createRequest(form)).not.toHaveProperty('password');
  });

  it('names what to fix', () => {
    const problems = formProblems({ ...emptyForm(), id: 'Bad Id', maxBitrateKbps: '9000' }, true);
    expect(Object.keys(problems).sort()).toEqual(['id', 'maxBitrateKbps', 'name', 'source']);
  });

  it('edits an existing camera without resending its masked address or credentials', () => {
    const cam = camera('gate', 'live', { kind: 'source', source: 'rtsp://***@10.0.0.5/live', hasCredentials: true, mode: 'always-on', transport: 'tcp', idleStopSec: 30 });
    const before = formFrom(cam);
    expect(before.source).toBe('rtsp://10.0.0.5/live');
    expect(updateRequest(before, { ...before, name: 'North gate' })).toEqual({ name: 'North gate' });
    expect(updateRequest(before, { ...before, password: 'n3w' })).toEqual({ password: 'n3w' });
    expect(updateRequest(before, { ...before, mode: 'on-demand', source: 'rtsp://10.0.0.6/live' })).toEqual({ mode: 'on-demand', source: 'rtsp://10.0.0.6/live' });
  });
});
