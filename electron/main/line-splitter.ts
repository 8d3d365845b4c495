/**
 * Turns a byte stream (a child's stdout/stderr) into lines. A line longer than
 * `maxLineChars` is cut there, so a child that never writes a newline cannot make the
 * shell buffer without bound.
 */
export function createLineSplitter(onLine: (line: string) => void, maxLineChars = 64 * 1024) {
  let pending = '';
  return {
    push(chunk: string | Uint8Array): void {
      pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      let newline: number;
      while ((newline = pending.indexOf('\n')) !== -1) {
        emit(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
      }
      while (pending.length > maxLineChars) {
        emit(pending.slice(0, maxLineChars));
        pending = pending.slice(maxLineChars);
      }
    },
    /** Emits what is left when the stream ends. */
    end(): void {
      if (pending !== '') emit(pending);
      pending = '';
    },
  };

  function emit(line: string): void {
    const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (trimmed !== '') onLine(trimmed);
  }
}
