// One benchmark candidate in its own thread, so that candidates never share a JIT warm-up
// or a heap. The parent sends { round }; the worker runs its batch and answers with the
// elapsed nanoseconds, the number of operations and the candidate's own detail, if any.
import { parentPort, workerData } from 'node:worker_threads';

const { candidate, size } = workerData;
const mod = await import(new URL(`./candidates.mjs`, import.meta.url).href);
const c = await mod.candidates[candidate](size);

parentPort.on('message', ({ round }) => {
  const input = c.input(round);
  const t0 = process.hrtime.bigint();
  const out = c.run(input);
  const ns = Number(process.hrtime.bigint() - t0);
  parentPort.postMessage(typeof out === 'number' ? { ns, ops: out } : { ns, ops: out.ops, detail: out.detail });
});
parentPort.postMessage({ ready: true });
