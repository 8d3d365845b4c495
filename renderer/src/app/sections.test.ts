import { describe, expect, it } from 'vitest';
import { detailFromHash, sectionFromHash } from './sections';

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

describe('detail from the URL hash', () => {
  it('reads what follows the section, decoded', () => {
    expect(detailFromHash('#/partners/news%20desk')).toBe('news desk');
    expect(detailFromHash('#/partners')).toBeNull();
    expect(detailFromHash('#/partners/')).toBeNull();
    expect(detailFromHash('')).toBeNull();
  });
});
