/**
 * Progress and interruption, all in one file: the library's progress callback drawn as a bar on
 * stderr (cli-progress, only on a terminal, no colours), and Ctrl-C. Runs on the worker pool of
 * `middle-corridor/node` leave this thread free, so SIGINT is seen at once; a run on this thread
 * is left to the default (the process ends at once, and no file was written yet). Either way the
 * temp files of atomic writes are removed and the exit code is 130.
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

function onInterrupt(): void {
  for (const t of temps) rmSync(t, { force: true });
  process.stderr.write('\ninterrupted\n');
  process.exit(130);
}

/**
 * Runs async work with Ctrl-C mapped to exit 130 (temp files removed). While this thread waits
 * (on workers, or on a file), the handler runs at once.
 */
export async function interruptible<T>(work: () => Promise<T>): Promise<T> {
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  try {
    return await work();
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
