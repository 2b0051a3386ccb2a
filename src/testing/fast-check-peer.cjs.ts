/**
 * The CommonJS build's fast-check-peer.ts (tsup.config.ts puts this file in its place): fast-check
 * `require`d, its absence an error that says what to install.
 */
import type FastCheck from 'fast-check';
import { FAST_CHECK_MISSING } from './fast-check-missing.js';

declare const require: (id: string) => unknown;

function load(): typeof FastCheck {
  try {
    const m = require('fast-check') as typeof FastCheck & { default?: typeof FastCheck };
    return m.default ?? m;
  } catch (e) {
    throw new Error(FAST_CHECK_MISSING, { cause: e });
  }
}

const fc = load();
export default fc;
