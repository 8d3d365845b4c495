import { describe, expect, it } from 'vitest';
import { statusPageHtml, statusPageUrl } from './status-page';

const ctx = { productName: 'WINK Media Router', logFile: '/var/log/wink/wink.log', maxRestarts: 6 };

describe('status page', () => {
  it('says the core is starting', () => {
    expect(statusPageHtml({ status: 'starting', attempt: 0 }, ctx)).toContain('Starting WINK Media Router…');
  });

  it('says when the next restart happens and which attempt it is', () => {
    const html = statusPageHtml({ status: 'restarting', attempt: 2, delayMs: 2000, reason: 'the media core exited with code 1' }, ctx);
    expect(html).toContain('The media core exited with code 1.');
    expect(html).toContain('Restarting in 2 s (attempt 2 of 6).');
  });

  it('shows the reason and where the log is when the shell gave up', () => {
    const html = statusPageHtml({ status: 'failed', reason: 'the media core cannot run: bad config' }, ctx);
    expect(html).toContain('data-status="failed"');
    expect(html).toContain('The media core cannot run: bad config.');
    expect(html).toContain('/var/log/wink/wink.log');
  });

  it('escapes text that comes from the core', () => {
    const html = statusPageHtml({ status: 'failed', reason: '<script>alert(1)</script>' }, ctx);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
  });

  it('is a self-contained data: URL', () => {
    const url = statusPageUrl({ status: 'idle' }, ctx);
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toContain('<!doctype html>');
  });
});
