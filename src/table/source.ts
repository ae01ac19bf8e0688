import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TableError } from './errors.js';
import type { TableSource } from './types.js';

/** Reads are done in chunks of this size; a Buffer source is cut into them too. */
export const CHUNK_SIZE = 64 * 1024;

/**
 * A byte stream that can be peeked at: format and encoding are sniffed from the first
 * bytes, then the same bytes are read again as part of the stream. Only what was peeked
 * is held; the rest streams.
 */
export class ByteSource {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private readonly held: Uint8Array[] = [];
  private heldBytes = 0;
  private ended = false;
  readonly name: string;
  readonly path: string | null;

  constructor(source: TableSource) {
    this.path = typeof source === 'string' ? source : source instanceof URL ? fileURLToPath(source) : null;
    this.name = this.path ?? (source instanceof Uint8Array ? '<bytes>' : '<stream>');
    this.iterator = chunksOf(source, this.name)[Symbol.asyncIterator]();
  }

  /** The first `n` bytes (fewer at the end of the input), without consuming them. */
  async peek(n: number): Promise<Uint8Array> {
    while (this.heldBytes < n && !this.ended) {
      const r = await this.iterator.next();
      if (r.done) { this.ended = true; break; }
      if (r.value.length === 0) continue;
      this.held.push(r.value);
      this.heldBytes += r.value.length;
    }
    const all = this.held.length === 1 ? this.held[0]! : concat(this.held, this.heldBytes);
    if (this.held.length > 1) { this.held.length = 0; this.held.push(all); }
    return all.subarray(0, Math.min(n, all.length));
  }

  /** Every byte, the peeked ones first. Can be taken once. */
  async *chunks(): AsyncGenerator<Uint8Array> {
    while (this.held.length > 0) {
      const c = this.held.shift()!;
      this.heldBytes -= c.length;
      yield c;
    }
    if (this.ended) return;
    for (;;) {
      const r = await this.iterator.next();
      if (r.done) { this.ended = true; return; }
      if (r.value.length > 0) yield r.value;
    }
  }

  /** The whole input in memory (only .xlsx needs this: a zip is read from its end). */
  async readAll(): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    let size = 0;
    for await (const c of this.chunks()) { parts.push(c); size += c.length; }
    return concat(parts, size);
  }

  /** Stop reading early (closes a file). */
  async close(): Promise<void> {
    if (!this.ended && this.iterator.return) await this.iterator.return();
    this.ended = true;
  }
}

async function* chunksOf(source: TableSource, name: string): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    for (let i = 0; i < source.length; i += CHUNK_SIZE) yield source.subarray(i, i + CHUNK_SIZE);
    return;
  }
  let iterable: AsyncIterable<Uint8Array | string>;
  if (typeof source === 'string' || source instanceof URL) {
    const stream = createReadStream(source, { highWaterMark: CHUNK_SIZE });
    // Report a missing file as the table error it is, not as a stack from deep inside fs.
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', (e: NodeJS.ErrnoException) => reject(
        new TableError('CANNOT_OPEN', { source: name, detail: e.code ?? e.message }, { cause: e }),
      ));
    });
    iterable = stream;
  } else {
    iterable = source;
  }
  for await (const chunk of iterable) {
    // A stream with setEncoding() set gives text; it was decoded as UTF-8 already.
    yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
  }
}

export function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
