import { defineConfig } from 'tsup';

// Dependencies stay external: users' bundlers dedupe zod and mathjs.
const external = ['zod', 'mathjs', 'seedrandom'];

export default defineConfig([
  {
    // The core: no Node imports, runs in browsers and notebooks.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    external,
  },
  {
    // middle-corridor/node: worker threads. The worker is its own entry, found beside index.
    entry: { 'node/index': 'src/node/index.ts', 'node/worker': 'src/node/worker.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { 'node/index': 'src/node/index.ts' } },
    sourcemap: true,
    target: 'es2022',
    platform: 'node',
    shims: true,
    tsconfig: 'tsconfig.node.json',
    external,
  },
  {
    // middle-corridor/render: SVG/PNG through vega, vega-lite and resvg, optional peers loaded on call.
    entry: { 'render/index': 'src/render/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'node',
    tsconfig: 'tsconfig.node.json',
    external: [...external, 'vega', 'vega-lite', '@resvg/resvg-js'],
  },
]);
