// A stand-in worker for isolated.test.ts: says it is ready, then on any request spins forever (a read that never ends).
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => {
  for (;;);
});
parentPort.postMessage({ type: 'ready' });
