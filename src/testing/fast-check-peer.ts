/**
 * fast-check, the optional peer of `middle-corridor/testing`, loaded so that its absence says what
 * to install (as `middle-corridor/render` does for vega) instead of a bare ERR_MODULE_NOT_FOUND.
 * The ES module build loads it with a top-level await; the CommonJS build uses
 * fast-check-peer.cjs.ts instead (tsup.config.ts swaps the file), which `require`s it.
 */
import type FastCheck from 'fast-check';
import { FAST_CHECK_MISSING } from './fast-check-missing.js';

const fc: typeof FastCheck = await import('fast-check').then(
  (m) => m.default,
  (e: unknown) => {
    throw new Error(FAST_CHECK_MISSING, { cause: e });
  },
);

export default fc;
