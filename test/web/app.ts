/**
 * The test page's script, bundled by esbuild from the built package as a user's bundler would
 * (`middle-corridor` and `middle-corridor/web` by name): it puts the pool, the one-thread
 * functions and the fingerprints on `window` for the tests to call, and says it is ready.
 */
import { kernelCodegen, PRESETS, ROUTES, ScenarioError, simulateCorridor, simulateTransit, simulateVolumes, VolumeResult, VolumeSummary } from 'middle-corridor';
import { closeWorkers, maxWorkers, simulateCorridorParallel, simulateTransitParallel, simulateVolumesParallel } from 'middle-corridor/web';
import { corridorPrint, transitPrint, volumesPrint } from './fingerprint.js';

// `?codegen=off`: the page tells the library not to try kernel generation (its CSP refuses eval).
if (new URLSearchParams(location.search).get('codegen') === 'off') kernelCodegen('off');

/** The content-security policy's violations on this page (none expected with codegen off: the library needs no eval). */
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI}`));

export const api = {
  violations,
  /** Evaluates a string from the page's own task (DevTools' evaluations may eval): 'EvalError' when the policy refuses it. */
  tryEval: () =>
    new Promise<string>((ok) =>
      setTimeout(() => {
        try {
          ok(String(new Function('return 1')()));
        } catch (e) {
          ok((e as Error).name);
        }
      }, 0),
    ),
  PRESETS,
  ROUTES,
  ScenarioError,
  VolumeResult,
  VolumeSummary,
  simulateVolumes,
  simulateTransit,
  simulateCorridor,
  simulateVolumesParallel,
  simulateTransitParallel,
  simulateCorridorParallel,
  closeWorkers,
  maxWorkers,
  volumesPrint,
  transitPrint,
  corridorPrint,
};
(globalThis as unknown as { mc: typeof api }).mc = api;
document.body.dataset.ready = String(crossOriginIsolated);
