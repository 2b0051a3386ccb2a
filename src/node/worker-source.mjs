// Development only: runs worker.ts from source (tests, examples) by registering tsx in the
// worker thread first. The published build starts dist/node/worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
