/**
 * The zod schema of routes (legs, delays, queues), built from the primitives in schema.ts.
 */
import { bounded, GE, GT, integer, nonEmpty, obj, param, show, text, UNIT, z } from './schema.js';
import { LEG_MODES } from './types.js';

const queue = obj({
  capacityMt: param(GT(0)).optional(),
  servers: integer('a whole number >= 1').superRefine((x, ctx) => {
    if (Number.isInteger(x) && !(x >= 1)) ctx.addIssue({ code: 'custom', message: `must be a whole number >= 1 (got ${x})` });
  }),
  serviceDays: bounded(GT(0)),
  arrivalCv: bounded(GE(0)).optional(),
  serviceCv: bounded(GE(0)).optional(),
  maxUtilisation: bounded({ min: 0, minOpen: true, max: 1, maxOpen: true, text: 'in (0, 1)' }).optional(),
});

const leg = obj({
  name: nonEmpty('a name'),
  mode: z.enum(LEG_MODES, { error: (iss) => `must be one of ${LEG_MODES.map((m) => `'${m}'`).join(', ')} (got ${show(iss.input)})` }),
  days: param(GE(0)),
  delay: obj({ probability: bounded(UNIT), days: param(GE(0)) }).optional(),
  queue: queue.optional(),
  source: text('a string').optional(),
});

export const routeSchema = obj({
  name: nonEmpty('a name'),
  source: text('a string').optional(),
  legs: z.array(leg, { error: (iss) => `must be an array of legs (got ${show(iss.input)})` }).min(1, { error: 'must hold at least one leg' }),
}).superRefine((r, ctx) => {
  const seen = new Set<string>();
  r.legs.forEach((l, i) => {
    if (seen.has(l.name)) ctx.addIssue({ code: 'custom', path: ['legs', i, 'name'], message: `must be unique (${JSON.stringify(l.name)} is used twice)` });
    seen.add(l.name);
  });
});
