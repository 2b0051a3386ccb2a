import { TITR_VOLUMES, evaluateForecasts, noChangeModel, shrunkDriftModel, driftModel } from './src/index.ts';
const models = { 'no-change': noChangeModel(), 'shrunk-drift': shrunkDriftModel(), drift: driftModel() };
const t0 = process.cpuUsage().user;
for (let r = 0; r < 60; r++) { const rec = TITR_VOLUMES.map((o) => ({ ...o, volumeMt: o.volumeMt * (1 + r * 1e-3) })); evaluateForecasts(rec, { seed: r, paths: 200, models, points: [] }); }
console.log('ms per record', (process.cpuUsage().user - t0) / 1000 / 60);
