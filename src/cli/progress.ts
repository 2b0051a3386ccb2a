/**
 * Progress and interruption, all in one file: the library's progress callback drawn as a bar on
 * stderr (cli-progress, only on a terminal, no colours), and Ctrl-C mapped to abort. Every long
 * call gets the signal of one AbortController: a pool's run (volumes, transit, corridor) and a
 * one-thread call run on a thread of its own (./thread.ts) alike, so this thread is always free to
 * hear SIGINT. On SIGINT (or SIGTERM) the controller aborts, the call rejects with an AbortError
 * within one block, the temp files of atomic writes are removed and the command exits 130; a
 * second Ctrl-C, or a call that has not stopped within 5 seconds, ends the process at once (130).
 */
import { rmSync } from 'node:fs';

/** Temp files to remove when interrupted. */
const temps = new Set<string>();

/** Registers a temp file (removed if the process is interrupted before it is renamed). */
export function holdTemp(path: string): void {
  temps.add(path);
}

/** The temp file was renamed or removed: nothing to clean any more. */
export function releaseTemp(path: string): void {
  temps.delete(path);
}

/** What Ctrl-C aborts: every long call of this process gets its signal. */
const stop = new AbortController();

/** Whether Ctrl-C (or SIGTERM) arrived: the command then exits 130. */
export function interrupted(): boolean {
  return stop.signal.aborted;
}

/** Removes the temp files left and says so: the end of an interrupted command. */
export function cleanUpInterrupted(): void {
  for (const t of temps) rmSync(t, { force: true });
  temps.clear();
  process.stderr.write('\ninterrupted\n');
}

function onInterrupt(): void {
  if (stop.signal.aborted) {
    cleanUpInterrupted();
    process.exit(130);
  }
  stop.abort();
  // The call stops within one block; should it not (a file system that hangs), end anyway.
  setTimeout(() => {
    cleanUpInterrupted();
    process.exit(130);
  }, 5000).unref();
}

/**
 * Runs async work with Ctrl-C mapped to abort: `work` gets the signal to pass to the library
 * (and to file writes); it rejects with an AbortError when interrupted, and the command exits
 * 130. While this thread waits (on workers, on a thread, on a file), the handler runs at once.
 */
export async function interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  try {
    stop.signal.throwIfAborted();
    return await work(stop.signal);
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
}

/** What a run reports progress to: the library's `onProgress` (`{ done, total, unit }`) and the end. */
export interface Progress {
  onProgress: ((p: { done: number; total: number }) => void) | undefined;
  stop(): void;
}

/**
 * A progress bar on stderr when stderr is a terminal (none when piped or with `--quiet`); the
 * bar has no colours, so NO_COLOR holds by construction.
 */
export async function progressBar(label: string, quiet: boolean): Promise<Progress> {
  if (quiet || !process.stderr.isTTY) return { onProgress: undefined, stop() {} };
  const { SingleBar } = (await import('cli-progress')).default;
  const bar = new SingleBar({ stream: process.stderr, format: `${label} [{bar}] {percentage}% | {eta_formatted} left`, hideCursor: true, clearOnComplete: true, barCompleteChar: '#', barIncompleteChar: '-' });
  bar.start(1, 0);
  return {
    onProgress: ({ done, total }) => {
      bar.setTotal(Math.max(total, 1));
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}

/**
 * Runs a long call with the bar and Ctrl-C: `call` gets the library's `onProgress` (absent when
 * no bar is drawn) and `signal`.
 */
export async function withProgress<T>(label: string, quiet: boolean, call: (o: { onProgress?: (p: { done: number; total: number }) => void; signal: AbortSignal }) => Promise<T>): Promise<T> {
  const bar = await progressBar(label, quiet);
  try {
    return await interruptible((signal) => call(bar.onProgress ? { onProgress: bar.onProgress, signal } : { signal }));
  } finally {
    bar.stop();
  }
}
