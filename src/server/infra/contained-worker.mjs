// The worker thread of contained.ts: loads the task's TypeScript module through tsx, runs the named
// function with the arguments it was given and posts back its result (or, for an async generator,
// each item, one ahead of the parent at most). An AppError travels as its parts, so the
// parent throws the same refusal in the reader's language.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();

function describe(error) {
  if (error && error.name === 'AppError') {
    return {
      type: 'error',
      app: { kind: error.kind, code: error.code, params: error.params, details: error.details },
    };
  }
  return { type: 'error', message: String(error && error.message ? error.message : error) };
}

function nextRequested() {
  return new Promise((resolve) => parentPort.once('message', resolve));
}

const { module, fn, args, stream } = workerData;
try {
  const task = (await import(module))[fn];
  if (stream) {
    // One item read ahead: the next is made while the parent works on this one, and posted once
    // the parent has taken this one, so at most two are ever in flight.
    let taken = null;
    for await (const value of task(...args)) {
      if (taken) await taken;
      taken = nextRequested();
      parentPort.postMessage({ type: 'item', value });
    }
    if (taken) await taken;
    parentPort.postMessage({ type: 'done' });
  } else {
    parentPort.postMessage({ type: 'result', value: await task(...args) });
  }
} catch (error) {
  parentPort.postMessage(describe(error));
}
