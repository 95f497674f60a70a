// A stand-in worker for isolated.test.ts: says it is ready, then on any request allocates until its heap limit kills it.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => {
  const hoard = [];
  for (;;) hoard.push(new Array(1_000_000).fill(Math.random()));
});
parentPort.postMessage({ type: 'ready' });
