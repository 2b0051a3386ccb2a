/** The package's version, read from its package.json (two folders up from src/cli/ and from dist/cli/). */
import { readFileSync } from 'node:fs';

export const version: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
