import { describe, expect, it } from 'vitest';
import { formatBytes, formatCpu, formatLoad, share } from './formatSystem';

describe('system figures', () => {
  it('formats sizes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(3.4 * 1024 * 1024)).toBe('3.4 MB');
    expect(formatBytes(1024 ** 3 * 1.25)).toBe('1.3 GB');
    expect(formatBytes(-1)).toBe('—');
  });

  it('shows CPU as a share of the machine', () => {
    expect(formatCpu(50, 2)).toBe('25 % of 2 cores');
    expect(formatCpu(3, 4)).toBe('0.8 % of 4 cores');
    expect(formatCpu(12, 1)).toBe('12 % of 1 core');
  });

  it('formats load averages and meter shares', () => {
    expect(formatLoad([0.5, 1, 1.234])).toBe('0.50 · 1.00 · 1.23');
    expect(share(1, 4)).toBe(25);
    expect(share(5, 0)).toBe(0);
    expect(share(9, 4)).toBe(100);
  });
});
