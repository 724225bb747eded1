/**
 * Rows in PostgreSQL's binary COPY format, encoded straight into megabyte buffers. Against COPY's
 * text format it spares both sides: the import formats no numbers or timestamps and escapes no
 * text, and the server parses none (ADR 10). Each value must be given in the exact type of its
 * column (int2 for smallint, int8 for bigint…): the server checks only the byte count.
 *
 * Format: a header, then per row a 16-bit field count and per field a 32-bit byte length (−1 for
 * NULL) and the bytes, all big-endian; a trailer of −1 ends the data. The writer of `Db.copyIn`
 * adds the header and the trailer around each COPY statement.
 */

/** What starts binary COPY data: the signature, no flags, no header extension. */
export const COPY_BINARY_HEADER: Buffer = Buffer.from([
  0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
]);

/** What ends binary COPY data. */
export const COPY_BINARY_TRAILER: Buffer = Buffer.from([0xff, 0xff]);

// PostgreSQL counts time in microseconds from 2000-01-01 00:00 UTC.
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_32 = 2 ** 32;
// Texts up to this length are tried as ASCII first.
const SHORT_TEXT = 48;

/** Writes a 32-bit big-endian integer (two's complement): plain stores the compiler inlines. */
function put32(buffer: Buffer, at: number, value: number): void {
  buffer[at] = value >>> 24;
  buffer[at + 1] = value >>> 16;
  buffer[at + 2] = value >>> 8;
  buffer[at + 3] = value;
}

/**
 * Encodes rows field by field: `row(n)` opens a row of n fields, then one call per field in the
 * table's column order, then `endRow()`, which hands back a full buffer when one is ready.
 */
export class CopyBinaryBuffer {
  private buffer: Buffer;
  private used = 0;
  private rowStart = 0;
  private ready: Buffer | null = null;

  constructor(private readonly chunkBytes = 1024 * 1024) {
    this.buffer = Buffer.allocUnsafe(chunkBytes);
  }

  /** Opens a row of `fields` fields. */
  row(fields: number): void {
    this.rowStart = this.used;
    this.room(2);
    this.used = this.buffer.writeInt16BE(fields, this.used);
  }

  /** Closes the row; returns a full buffer of whole rows to hand over, else null. */
  endRow(): Buffer | null {
    if (this.ready !== null) {
      const ready = this.ready;
      this.ready = null;
      return ready;
    }
    return this.used >= this.chunkBytes - 4096 ? this.take() : null;
  }

  /** The rows encoded so far (null when none); the next ones go to a fresh buffer. */
  take(): Buffer | null {
    if (this.used === 0) return null;
    const full = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(this.chunkBytes);
    this.used = 0;
    this.rowStart = 0;
    return full;
  }

  /**
   * The rows encoded so far, copied into an array of their own (null when none); the buffer is
   * kept for the next rows. For an encoder that hands over many small batches (a worker thread
   * transferring each), where `take` would allocate a whole buffer per batch.
   */
  copyOut(): Uint8Array | null {
    if (this.used === 0) return null;
    const rows = new Uint8Array(this.used);
    rows.set(this.buffer.subarray(0, this.used));
    this.used = 0;
    this.rowStart = 0;
    return rows;
  }

  null(): void {
    this.room(4);
    put32(this.buffer, this.used, -1);
    this.used += 4;
  }

  text(value: string | null): void {
    if (value === null) return this.null();
    const n = value.length;
    // UTF-8 takes at most three bytes per UTF-16 unit.
    this.room(4 + n * 3);
    const buffer = this.buffer;
    const start = this.used + 4;
    let length = -1;
    // Codes, dates and short names are ASCII: copied byte by byte, they spare a native call each.
    if (n <= SHORT_TEXT) {
      let i = 0;
      for (; i < n; i++) {
        const c = value.charCodeAt(i);
        if (c > 127) break;
        buffer[start + i] = c;
      }
      if (i === n) length = n;
    }
    if (length < 0) length = buffer.write(value, start, 'utf8');
    put32(buffer, this.used, length);
    this.used = start + length;
  }

  /** jsonb: a version byte, then the JSON text. */
  jsonb(json: string | null): void {
    if (json === null) return this.null();
    this.room(5 + json.length * 3);
    const length = this.buffer.write(json, this.used + 5, 'utf8');
    put32(this.buffer, this.used, length + 1);
    this.buffer[this.used + 4] = 1;
    this.used += 5 + length;
  }

  bool(value: boolean | null): void {
    if (value === null) return this.null();
    this.room(5);
    put32(this.buffer, this.used, 1);
    this.buffer[this.used + 4] = value ? 1 : 0;
    this.used += 5;
  }

  int2(value: number | null): void {
    if (value === null) return this.null();
    if (!Number.isInteger(value) || value < -32768 || value > 32767) {
      throw new RangeError(`int2 out of range: ${value}`);
    }
    this.room(6);
    const buffer = this.buffer;
    put32(buffer, this.used, 2);
    buffer[this.used + 4] = value >>> 8;
    buffer[this.used + 5] = value;
    this.used += 6;
  }

  int4(value: number | null): void {
    if (value === null) return this.null();
    if (!(value === (value | 0))) throw new RangeError(`int4 out of range: ${value}`);
    this.room(8);
    put32(this.buffer, this.used, 4);
    put32(this.buffer, this.used + 4, value);
    this.used += 8;
  }

  int8(value: number | null): void {
    if (value === null) return this.null();
    if (!Number.isSafeInteger(value)) throw new RangeError(`int8 out of range: ${value}`);
    this.room(12);
    const high = Math.floor(value / TWO_32);
    put32(this.buffer, this.used, 8);
    put32(this.buffer, this.used + 4, high);
    put32(this.buffer, this.used + 8, value - high * TWO_32);
    this.used += 12;
  }

  /** timestamptz from epoch milliseconds. */
  timestamptz(ms: number | null): void {
    this.int8(ms === null ? null : (ms - PG_EPOCH_MS) * 1000);
  }

  /**
   * Makes room for `bytes` more: a row that does not fit is moved to a fresh buffer and the whole
   * rows before it are kept for endRow to hand over.
   */
  private room(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    const partial = this.buffer.subarray(this.rowStart, this.used);
    const size = Math.max(this.chunkBytes, 2 * (partial.length + bytes));
    const next = Buffer.allocUnsafe(size);
    partial.copy(next, 0);
    if (this.rowStart > 0) {
      const whole = this.buffer.subarray(0, this.rowStart);
      this.ready = this.ready === null ? whole : Buffer.concat([this.ready, whole]);
    }
    this.buffer = next;
    this.used = partial.length;
    this.rowStart = 0;
  }
}
