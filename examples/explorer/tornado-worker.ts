/**
 * The explorer's helper worker: each distribution of a scenario with its P10 and P90, as the
 * library's `tornado` evaluates them (in closed form: its runs here are of 2 paths, which it
 * needs to exist but whose numbers are not used). It runs off the page's thread because a run
 * tries, once, whether it may generate code (`new Function`), which the page's policy refuses
 * and would report as a violation; the tornado's own runs go to the web pool.
 */
import { tornado, type ScenarioInput } from 'middle-corridor';

/** A request: the scenario, numbered; the answer: the rows, or the error's message. */
export type TornadoRequest = { id: number; scenario: ScenarioInput };
export type TornadoAnswer = { id: number; rows: { parameter: string; p10: number; p90: number }[] } | { id: number; error: string };

const scope = globalThis as unknown as { onmessage: ((e: { data: TornadoRequest }) => void) | null; postMessage(a: TornadoAnswer): void };
scope.onmessage = ({ data: { id, scenario } }) => {
  try {
    const t = tornado(scenario, { statistic: { statistic: 'probabilityAtLeast', year: 2027, volumeMt: 10 }, paths: 2, seed: 1 });
    scope.postMessage({ id, rows: t.rows.map((r) => ({ parameter: r.parameter, p10: r.p10, p90: r.p90 })) });
  } catch (e) {
    scope.postMessage({ id, error: (e as Error).message });
  }
};
