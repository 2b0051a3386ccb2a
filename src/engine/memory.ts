/**
 * Memory for a run's arrays. `MAX_RUN_BYTES` bounds what a run may ask for, but a process can hold
 * less (a container's limit, `ulimit -v`): the engine's native "Array buffer allocation failed"
 * then becomes the library's RangeError, saying how much the run needed and what to do.
 */

/** Bytes as GiB for messages. */
export const GiB = (bytes: number) => `${(bytes / 2 ** 30).toFixed(bytes < 2 ** 30 ? 2 : 1)} GiB`;

/** V8's and JavaScriptCore's errors for a buffer the process cannot hold. */
const REFUSED = /allocation failed|out of memory|Invalid array buffer length|Array buffer allocation|Out of memory/i;

/**
 * `alloc` (ArrayBuffer by default, or e.g. SharedArrayBuffer) whose failure for lack of memory is a
 * RangeError naming `fn`, the `total` bytes of the run's arrays and `advice`.
 */
export function guardedAlloc(fn: string, total: number, advice: string, alloc: (bytes: number) => ArrayBufferLike = (b) => new ArrayBuffer(b)): (bytes: number) => ArrayBufferLike {
  return (bytes) => {
    try {
      return alloc(bytes);
    } catch (e) {
      if (!(e instanceof RangeError && REFUSED.test(e.message))) throw e;
      throw new RangeError(`${fn}: this run's arrays need ${GiB(total)}, more than this process could allocate ("${e.message}"); ${advice}`, { cause: e });
    }
  };
}
