/**
 * Collects lines of COPY text into buffers of about a megabyte, encoded as they come. A million
 * lines appended to one JavaScript string make a rope the garbage collector copies again and again
 * before it is flattened for the socket; written into a buffer at once, each line is garbage as
 * soon as it is encoded (ADR 10).
 */
export class CopyTextBuffer {
  private buffer: Buffer;
  private used = 0;

  constructor(private readonly chunkBytes = 1024 * 1024) {
    this.buffer = Buffer.allocUnsafe(chunkBytes);
  }

  /** Appends a line (its newline included); returns a full chunk to hand over, else null. */
  add(line: string): Buffer | null {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (this.used + line.length * 3 > this.chunkBytes) {
      const full = this.take();
      if (line.length * 3 > this.chunkBytes) {
        const alone = Buffer.from(line, 'utf8');
        return full === null ? alone : Buffer.concat([full, alone]);
      }
      this.used = this.buffer.write(line, 0, 'utf8');
      return full;
    }
    this.used += this.buffer.write(line, this.used, 'utf8');
    return null;
  }

  /** The lines collected so far (null when none); the next ones go to a fresh buffer. */
  take(): Buffer | null {
    if (this.used === 0) return null;
    const full = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(this.chunkBytes);
    this.used = 0;
    return full;
  }
}
