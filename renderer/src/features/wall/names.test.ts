import { describe, expect, it } from 'vitest';
import { nameProblem } from './names';

describe('layout and group names', () => {
  it('accepts names the core accepts', () => {
    expect(nameProblem('Night shift', 'layout', 64)).toBeNull();
    expect(nameProblem('  Entrances  ', 'group', 64)).toBeNull();
  });

  it('says what is wrong with the others', () => {
    expect(nameProblem('   ', 'group', 64)).toBe('Give the group a name.');
    expect(nameProblem('a/b', 'layout', 64)).toMatch(/"\/"/);
    expect(nameProblem('x'.repeat(65), 'layout', 64)).toBe('At most 64 characters.');
    expect(nameProblem('tab\there', 'layout', 64)).toMatch(/control/);
  });
});
