/**
 * The explorer page: reads the state from the URL's hash (or the official-capacity preset), keeps the
 * inputs, the hash and the runs in step — an input changed aborts the run in flight and starts
 * another — and shows each stage's numbers as they come. Numbers carry their full double in
 * `data-exact` (and the standard error in `data-se`), so that a test can compare them with Node's.
 */
import { PRESETS, ROUTES, type Estimate, type PresetName, type TransitSample, type VolumeResult } from 'middle-corridor';
import { explore, type Bar } from './run.js';
import { BOUNDS, decodeState, defaults, encodeState, queueLeg, routeOf, scenarioOf, type ExplorerState, type RouteName } from './state.js';

const $ = <T extends HTMLElement = HTMLInputElement>(id: string) => document.getElementById(id) as T;
const charts = import('./charts.js'); // Vega loads beside the first run, never before it

/** The run in flight: its abort controller and its number (a stage of an older run is dropped). */
let current = { id: 0, controller: new AbortController() };
let state: ExplorerState;
let timer: ReturnType<typeof setTimeout> | undefined;
/** The last finished run's trips, redrawn at once when only the door-to-door line changes. */
let lastTransit: TransitSample | null = null;

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

/** Writes an estimate into `el`: the text, and its full double and standard error as data. */
function showEstimate(el: HTMLElement, e: Estimate): void {
  el.textContent = `${percent(e.estimate)} ± ${percent(e.standardError)}`;
  el.dataset.exact = String(e.estimate);
  el.dataset.se = String(e.standardError);
}

/** The numbers blanked (their data removed) and the charts dimmed until a run fills them again. */
function clearResults(): void {
  $<HTMLElement>('results').setAttribute('aria-busy', 'true');
  delete $<HTMLElement>('tornado').dataset.bars;
  for (const id of ['p', 'first', 'p-within']) {
    const el = $<HTMLElement>(id);
    el.textContent = '…';
    delete el.dataset.exact;
    delete el.dataset.se;
  }
}

function setNumber(id: string, value: number | null, bounds: readonly [number, number], note?: string): void {
  const el = $(id);
  el.min = String(bounds[0]);
  el.max = String(bounds[1]);
  el.disabled = value === null;
  el.value = value === null ? '' : String(value);
  el.removeAttribute('aria-invalid');
  if (note !== undefined) $<HTMLElement>(`${id}-note`).textContent = note;
}

/** Puts the state into the inputs (the expansions' delay inputs made for the preset's expansions). */
function writeInputs(st: ExplorerState): void {
  $<HTMLSelectElement>('preset').value = st.preset;
  $<HTMLSelectElement>('route').value = st.route;
  const s = PRESETS[st.preset];
  setNumber('rate', st.rate === null ? null : Number((st.rate * 100).toFixed(4)), [BOUNDS.rate[0] * 100, BOUNDS.rate[1] * 100], st.rate === null ? `${st.preset}: a piecewise path, no single rate` : '');
  setNumber('volatility', st.volatility, BOUNDS.volatility);
  setNumber('capacity', st.capacityMt, BOUNDS.capacityMt, st.capacityMt === null ? `${st.preset}: no capacity limit` : '');
  const delays = $<HTMLDivElement>('delays');
  delays.replaceChildren();
  (s.capacity?.expansions ?? []).forEach((e, i) => {
    const label = document.createElement('label');
    label.htmlFor = `delay-${i}`;
    label.textContent = `Extra delay of the ${e.year} expansion (years)`;
    const input = document.createElement('input');
    Object.assign(input, { id: `delay-${i}`, name: `delay-${i}`, type: 'number', step: '0.25', min: String(BOUNDS.delays[0]), max: String(BOUNDS.delays[1]), value: String(st.delays[i] ?? 0) });
    input.dataset.delay = String(i);
    delays.append(label, input);
  });
  const leg = queueLeg(st.route);
  setNumber('servers', st.servers, BOUNDS.servers, leg === -1 ? `${st.route}: no queue leg` : `on "${ROUTES[st.route].legs[leg]!.name}"`);
  setNumber('within', st.within, BOUNDS.within);
  const paths = $<HTMLSelectElement>('paths');
  if (!Array.from(paths.options).some((o) => o.value === String(st.paths))) paths.append(Object.assign(document.createElement('option'), { value: String(st.paths), textContent: st.paths.toLocaleString('en') }));
  paths.value = String(st.paths);
  $('seed').value = String(st.seed);
  $<HTMLElement>('within-label').textContent = `P(door to door ≤ ${st.within} days) in 2027`;
}

/** A number input's value, checked against its bounds (the input marked and the error thrown naming it). */
function readNumber(id: string, label: string, scale = 1): number {
  const el = $(id);
  const x = el.value.trim() === '' ? NaN : Number(el.value) / scale + 0; // + 0: −0 is 0 (a link writes it so)
  const [lo, hi] = [Number(el.min) / scale, Number(el.max) / scale];
  if (!(x >= lo && x <= hi)) {
    el.setAttribute('aria-invalid', 'true');
    throw new RangeError(`${label} must be a number in [${el.min}, ${el.max}] (got ${JSON.stringify(el.value)})`);
  }
  el.removeAttribute('aria-invalid');
  return x;
}

/** The state the inputs hold; a new preset or route starts from its own values. */
function readInputs(): ExplorerState {
  const preset = $<HTMLSelectElement>('preset').value as PresetName;
  const route = $<HTMLSelectElement>('route').value as RouteName;
  const seedText = $('seed').value.trim();
  if (seedText === '') throw new RangeError('Seed must not be empty (a whole number or any text)');
  const seed = /^-?\d{1,15}$/.test(seedText) ? Number(seedText) : seedText;
  const keep = { seed, paths: Number($<HTMLSelectElement>('paths').value), within: readNumber('within', 'Door-to-door line') };
  if (preset !== state.preset) return defaults(preset, route, keep);
  const servers = route !== state.route ? defaults(preset, route).servers : state.servers === null ? null : readNumber('servers', 'Caspian servers');
  if (servers !== null && !Number.isInteger(servers)) throw new RangeError('Caspian servers must be a whole number');
  return {
    ...keep,
    preset,
    route,
    rate: state.rate === null ? null : readNumber('rate', 'Growth rate', 100),
    capacityMt: state.capacityMt === null ? null : readNumber('capacity', 'Base capacity'),
    delays: state.delays.map((_, i) => readNumber(`delay-${i}`, `Extra delay of expansion ${i + 1}`)),
    volatility: readNumber('volatility', 'Volatility'),
    servers,
  };
}

/** A chart's plot width: its box less the room its axes and legend take. */
const width = (id: string) => Math.max(200, $<HTMLElement>(id).clientWidth - 170);

/** Starts the state's runs, aborting the one in flight. */
function start(st: ExplorerState): void {
  current.controller.abort(new Error('an input changed'));
  const run = { id: current.id + 1, controller: new AbortController() };
  current = run;
  // A stage of an aborted run is dropped, even one whose numbers were already on their way.
  const live = () => current === run && !run.controller.signal.aborted;
  const results = $<HTMLElement>('results');
  document.body.dataset.state = 'running';
  lastTransit = null;
  clearResults();
  $<HTMLElement>('error').textContent = '';
  $<HTMLElement>('json').textContent = JSON.stringify({ scenario: scenarioOf(st), route: routeOf(st), paths: st.paths, seed: st.seed }, null, 1);
  const progress = $<HTMLProgressElement>('progress');
  progress.value = 0;
  const t0 = performance.now();
  const status = (text: string) => live() && ($<HTMLElement>('status').textContent = text);
  status('Simulating…');
  /** Draws a chart once Vega is loaded (unless the run is over by then); a failure is shown, never lost. */
  const chart = (draw: (c: Awaited<typeof charts>) => Promise<void>) =>
    void charts.then((c) => (live() ? draw(c) : undefined)).catch((e: Error) => ($<HTMLElement>('error').textContent = `A chart could not be drawn: ${e.message}`));
  const stages = {
    volumes(r: VolumeResult) {
      if (!live()) return;
      showEstimate($<HTMLElement>('p'), r.probabilityAtLeast(2027, 10));
      const first = r.medianFirstYear(10);
      $<HTMLElement>('first').textContent = first === null ? `not by ${r.years.at(-1)}` : String(first);
      document.body.dataset.firstMs ??= String(Math.round(performance.now())); // ms since the page's navigation began
      chart((c) => c.drawFan($<HTMLElement>('fan'), r, width('fan') - 40)); // its legend's labels are long
    },
    transit(t: TransitSample) {
      if (!live()) return;
      lastTransit = t;
      showEstimate($<HTMLElement>('p-within'), t.probabilityWithin(st.within));
      chart((c) => c.drawTransit($<HTMLElement>('transit'), t, st.within, width('transit')));
    },
    tornado(bars: Bar[], baseline: Estimate) {
      if (!live()) return;
      $<HTMLElement>('tornado').dataset.bars = JSON.stringify(bars); // every double as it is (JSON keeps them exactly)
      if (bars.length === 0) {
        $<HTMLElement>('tornado').textContent = `${st.preset} has no uncertain assumption (no distribution) to hold at its P10 and P90.`;
        return;
      }
      chart((c) => c.drawTornado($<HTMLElement>('tornado'), bars, baseline.estimate, Math.max(200, width('tornado') - 160)));
    },
  };
  explore(st, { signal: run.controller.signal, onFraction: (f) => live() && (progress.value = f), stages }).then(
    () => {
      if (!live()) return;
      results.removeAttribute('aria-busy');
      document.body.dataset.state = 'done';
      status(`Done: ${st.paths.toLocaleString('en')} paths, seed ${JSON.stringify(st.seed)}, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    },
    (e: Error) => {
      if (e.name === 'AbortError') document.body.dataset.aborts = String(Number(document.body.dataset.aborts ?? 0) + 1);
      if (!live()) return; // aborted: by an input changed (a new run follows) or by Cancel (said there)
      results.removeAttribute('aria-busy');
      document.body.dataset.state = 'failed';
      status('');
      $<HTMLElement>('error').textContent = e.message;
    },
  );
}

/** An input changed: read the state, put it in the hash, and run it a moment later (typing is not a run per key). */
function changed(e: Event): void {
  let next: ExplorerState;
  try {
    next = readInputs();
  } catch (err) {
    current.controller.abort(new Error('an input is invalid'));
    clearResults();
    document.body.dataset.state = 'invalid';
    $<HTMLElement>('error').textContent = (err as Error).message;
    return;
  }
  const rebuild = next.preset !== state.preset || next.route !== state.route;
  const keys = ['preset', 'route', 'seed', 'paths', 'rate', 'capacityMt', 'volatility', 'servers'] as const;
  const onlyWithin = keys.every((k) => next[k] === state[k]) && next.delays.join() === state.delays.join();
  state = next;
  if (onlyWithin && lastTransit && document.body.dataset.state === 'done') {
    // The line moves; the trips stay: no run, the same numbers for every other figure.
    history.replaceState(null, '', encodeState(state));
    $<HTMLElement>('error').textContent = '';
    $<HTMLElement>('within-label').textContent = `P(door to door ≤ ${state.within} days) in 2027`;
    showEstimate($<HTMLElement>('p-within'), lastTransit.probabilityWithin(state.within));
    const t = lastTransit;
    void charts.then((c) => c.drawTransit($<HTMLElement>('transit'), t, state.within, width('transit')));
    return;
  }
  if (rebuild) writeInputs(state);
  if ((e.target as HTMLElement).id === 'within') $<HTMLElement>('within-label').textContent = `P(door to door ≤ ${state.within} days) in 2027`;
  history.replaceState(null, '', encodeState(state));
  current.controller.abort(new Error('an input changed'));
  clearResults(); // no number of the old inputs stays on screen
  clearTimeout(timer);
  timer = setTimeout(() => start(state), 150);
}

/** The state of the URL's hash, or the official-capacity preset when there is none (or it is invalid: said so). */
function fromHash(): ExplorerState {
  const fallback = defaults('official-capacity', 'corridor-poti');
  if (location.hash.length <= 1) return fallback;
  try {
    return decodeState(location.hash);
  } catch (e) {
    queueMicrotask(() => ($<HTMLElement>('error').textContent = `${(e as Error).message}; showing the ${fallback.preset} preset instead`));
    return fallback;
  }
}

function init(): void {
  const option = (v: string) => Object.assign(document.createElement('option'), { value: v, textContent: v });
  $<HTMLSelectElement>('preset').append(...Object.keys(PRESETS).map(option));
  $<HTMLSelectElement>('route').append(...Object.keys(ROUTES).map(option));
  state = fromHash();
  writeInputs(state);
  const form = $<HTMLFormElement>('inputs');
  form.addEventListener('input', changed); // selects, number inputs' arrows and typing alike
  form.addEventListener('submit', (e) => e.preventDefault());
  $<HTMLButtonElement>('cancel').addEventListener('click', () => {
    if (document.body.dataset.state !== 'running') return;
    current.controller.abort(new Error('cancelled'));
    document.body.dataset.state = 'cancelled';
    $<HTMLElement>('status').textContent = 'Cancelled: change an input to run again';
  });
  $<HTMLButtonElement>('copy').addEventListener('click', () => {
    void navigator.clipboard?.writeText(location.href).then(() => ($<HTMLElement>('status').textContent = 'Link copied'), () => ($<HTMLElement>('status').textContent = `Link: ${location.href}`));
  });
  addEventListener('hashchange', () => {
    state = fromHash();
    writeInputs(state);
    start(state);
  });
  start(state);
}

init();
