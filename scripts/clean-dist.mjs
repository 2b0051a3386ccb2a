// Empties dist/ before `tsup` writes its two builds (ESM module by module, CommonJS in chunks).
import { rmSync } from 'node:fs';

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
