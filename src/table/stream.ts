import { Transform, type TransformCallback } from 'node:stream';

/**
 * An object-mode Transform over a push/end row processor (RowNormalizer, RowChecker): rows
 * written in go through `push`, whatever they yield is read out, `end` flushes the rest.
 * An exception of the processor becomes the stream's error instead of an uncaught throw.
 */
export function rowTransform<I, O>(processor: { push(row: I): Iterable<O>; end(): Iterable<O> }): Transform {
  return new Transform({
    objectMode: true,
    transform(row: I, _enc: BufferEncoding, done: TransformCallback) {
      try {
        for (const r of processor.push(row)) this.push(r);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        for (const r of processor.end()) this.push(r);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
}
