/** The volume engine's plan of checked options: what planVolumes returns and a plan from elsewhere is rebuilt to. */
import { STREAM_BLOCK } from './draws.js';
import type { RunPlan, VolumePlan } from './plan.js';
import { resolveVolume } from './resolve.js';
import { summaryPlan } from './summary-run.js';

/** The engine plan of checked options (`onProgress` and `signal` stay with the scheduler). */
export function volumePlan(run: RunPlan): VolumePlan {
  const { scenario, paths, seed, years, chunk, keep, levels } = run;
  const nBlocks = Math.ceil(paths / STREAM_BLOCK);
  const target = keep === 'summary' && scenario.target ? [scenario.target.volumeMt] : [];
  const thresholds = [...new Set([...target, ...run.thresholds])];
  const summary = keep === 'summary' ? summaryPlan(paths, levels, nBlocks) : null;
  return { kind: 'volume-plan', scenario, model: resolveVolume(scenario, years), paths, seed, years, nBlocks, chunk, keep, levels, thresholds, summary, ...(run.sampling ? { sampling: run.sampling } : {}) };
}

