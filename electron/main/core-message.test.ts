import { describe, expect, it } from 'vitest';
import { parseCoreMessage } from './core-message';

const ready = {
  type: 'ready',
  listen: { http: '0.0.0.0:8080', rtsp: '0.0.0.0:8554' },
  consoleUrl: 'http://127.0.0.1:40000/',
  operatorToken: 'abc',
};

describe('parseCoreMessage', () => {
  it('accepts the ready message of the contract', () => {
    expect(parseCoreMessage(ready)).toEqual(ready);
  });

  it('accepts a fatal message with a reason', () => {
    expect(parseCoreMessage({ type: 'fatal', reason: 'data dir not writable' })).toEqual({
      type: 'fatal',
      reason: 'data dir not writable',
    });
  });

  it.each([
    ['not an object', 'ready'],
    ['null', null],
    ['unknown type', { type: 'hello' }],
    ['listen missing', { ...ready, listen: undefined }],
    ['listen with a number', { ...ready, listen: { http: 8080 } }],
    ['console URL not http', { ...ready, consoleUrl: 'javascript:alert(1)' }],
    ['console URL not a URL', { ...ready, consoleUrl: '127.0.0.1:4000' }],
    ['empty operator token', { ...ready, operatorToken: '' }],
    ['fatal without reason', { type: 'fatal' }],
  ])('rejects %s', (_name, raw) => {
    expect(parseCoreMessage(raw)).toBeNull();
  });
});
