import { describe, expect, it } from 'vitest';
import { createLineSplitter } from './line-splitter';

function split(chunks: Array<string | Uint8Array>, max?: number): string[] {
  const lines: string[] = [];
  const splitter = createLineSplitter((l) => lines.push(l), max);
  for (const c of chunks) splitter.push(c);
  splitter.end();
  return lines;
}

describe('createLineSplitter', () => {
  it('joins lines split across chunks and drops empty lines', () => {
    expect(split(['{"a":', '1}\n\n{"b"', ':2}\r\n'])).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('emits a last line without newline when the stream ends', () => {
    expect(split(['one\ntwo'])).toEqual(['one', 'two']);
  });

  it('accepts bytes as well as strings', () => {
    expect(split([new TextEncoder().encode('héllo\n')])).toEqual(['héllo']);
  });

  it('cuts a line that never ends instead of buffering it all', () => {
    expect(split(['x'.repeat(25)], 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });
});
