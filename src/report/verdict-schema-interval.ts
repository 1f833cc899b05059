import { z } from 'zod';

/** A confidence interval in the verdict schema; shared by the metrics and the explain block. */
export const interval = z
  .strictObject({
    low: z.number(),
    high: z.number(),
    level: z.number().gt(0).lt(1).describe('confidence level, e.g. 0.95'),
    method: z.enum(['wilson', 'newcombe', 'katz-log', 'delong', 'bootstrap', 'normal']),
  })
  .meta({ id: 'Interval', description: 'a confidence interval and how it was computed' });
