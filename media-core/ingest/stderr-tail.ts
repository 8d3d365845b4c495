import { maskCredentials } from './mask-credentials';

/** Splits a child's stderr into lines and keeps the last few, credentials masked. */
export class StderrTail {
  private readonly kept: string[] = [];
  private partial = '';

  constructor(private readonly limit = 20) {}

  /** Adds a chunk; returns the complete lines it finished, already masked. */
  write(chunk: Buffer | string): string[] {
    const text = this.partial + chunk.toString();
    const pieces = text.split(/\r\n|\r|\n/);
    this.partial = pieces.pop() ?? '';
    // A runaway line without a newline must not grow without bound.
    if (this.partial.length > 4096) {
      pieces.push(this.partial);
      this.partial = '';
    }
    const lines = pieces.filter((line) => line.trim() !== '').map((line) => maskCredentials(line.slice(0, 1000)));
    for (const line of lines) this.keep(line);
    return lines;
  }

  /** Flushes a last line that had no newline (the child has exited). */
  end(): void {
    if (this.partial.trim() !== '') this.keep(maskCredentials(this.partial.slice(0, 1000)));
    this.partial = '';
  }

  get lines(): readonly string[] {
    return this.kept;
  }

  private keep(line: string): void {
    this.kept.push(line);
    if (this.kept.length > this.limit) this.kept.shift();
  }
}
