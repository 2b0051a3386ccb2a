/**
 * The API reference builds without a warning: every type a public shape references is itself
 * documented, and every {@link} in a doc comment resolves (typedoc.json treats warnings as
 * errors, so `npm run docs` fails the same way). Converted and validated in memory; nothing written.
 */
import { fileURLToPath } from 'node:url';
import { Application } from 'typedoc';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

it('TypeDoc converts and validates the public API with no warning', async () => {
  const messages: string[] = [];
  const app = await Application.bootstrapWithPlugins({ options: `${root}typedoc.json`, tsconfig: `${root}tsconfig.node.json`, entryPoints: ['src/index.ts', 'src/node/index.ts', 'src/render/index.ts', 'src/web/index.ts'].map((f) => `${root}${f}`) });
  app.logger.log = (message: string, level: number) => {
    if (level >= 2) messages.push(String(message)); // 2: warnings, 3: errors
  };
  const project = await app.convert();
  expect(project).toBeDefined();
  app.validate(project!);
  expect(messages).toEqual([]);
}, 120_000);
