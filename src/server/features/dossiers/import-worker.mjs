// A worker thread of a dossier import (import-pool.ts): loads import-chunk.ts through tsx, builds
// the job's chunk processor from each setup it is sent, then answers each piece with its result,
// the COPY bytes handed over rather than copied. An AppError travels as its parts.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();

const { createChunkProcessor } = await import(workerData.module);
let processChunk = null;

parentPort.on('message', (message) => {
  if (message.setup) {
    processChunk = createChunkProcessor(message.setup);
    return;
  }
  const { id, piece } = message;
  try {
    const result = processChunk(piece);
    const transfer = result.copy === null ? [] : [result.copy.buffer];
    parentPort.postMessage({ id, result }, transfer);
  } catch (error) {
    const app =
      error && error.name === 'AppError'
        ? { kind: error.kind, code: error.code, params: error.params, details: error.details }
        : undefined;
    parentPort.postMessage({ id, error: { app, message: String(error?.message ?? error) } });
  }
});
