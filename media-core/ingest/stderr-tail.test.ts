import { describe, expect, it } from 'vitest';
import { StderrTail } from './stderr-tail';

describe('StderrTail', () => {
  it('joins lines split across chunks and masks credentials', () => {
    const tail = new StderrTail();
    expect(tail.write('rtsp://admin:secret@cam/x: Conn')).toEqual([]);
    expect(tail.write('ection refused\nnext')).toEqual(['rtsp://***@cam/x: Connection refused']);
    tail.end();
    expect(tail.lines).toEqual(['rtsp://***@cam/x: Connection refused', 'next']);
  });

  it('keeps only the last lines', () => {
    const tail = new StderrTail(3);
    tail.write('a\nb\r\nc\rd\n\n');
    expect(tail.lines).toEqual(['b', 'c', 'd']);
  });
});
