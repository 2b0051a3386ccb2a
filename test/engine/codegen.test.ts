import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The digest of test/engine/no-codegen.ts's runs in a fresh process, with code generation allowed or not. */
function run(codegen: boolean): { codegen: boolean; digest: string } {
  const flags = codegen ? [] : ['--disallow-code-generation-from-strings'];
  const r = spawnSync(process.execPath, [...flags, '--import', 'tsx', join(root, 'test/engine/no-codegen.ts')], { cwd: root, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { codegen: boolean; digest: string };
}

describe('kernels where code generation is refused (a strict CSP)', () => {
  it('detects the refusal and runs the generic kernels, with the same numbers to the bit', () => {
    const specialised = run(true);
    const generic = run(false);
    expect(specialised.codegen).toBe(true);
    expect(generic.codegen).toBe(false);
    expect(generic.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(generic.digest).toBe(specialised.digest);
  });
});
