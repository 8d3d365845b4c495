import { describe, expect, it } from 'vitest';
import { sectionFromHash } from './sections';

describe('section from the URL hash', () => {
  it('reads the section id', () => {
    expect(sectionFromHash('#/system')).toBe('system');
    expect(sectionFromHash('#audit')).toBe('audit');
    expect(sectionFromHash('#/partners/42')).toBe('partners');
  });

  it('opens the wall for an empty or unknown hash', () => {
    expect(sectionFromHash('')).toBe('wall');
    expect(sectionFromHash('#/nowhere')).toBe('wall');
  });
});
