// Entry of the reader's worker thread. A worker starts as plain Node, without the parent's loaders (tsx under
// `node bin/coi.js`, vite under vitest), so it registers tsx itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
