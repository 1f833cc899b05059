import { z } from 'zod';
import { interval } from './verdict-schema-interval.ts';

/** The zod form of the verdict's `explain` block (src/core/explain-types.ts); verdict-schema.ts includes it. */

const name = z.string().min(1);
const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1);

const feature = z.strictObject({
  feature: name,
  importance: z.number().nullable().describe('mean |attribution| over usable rows'),
  meanAttribution: z.number().nullable(),
  share: share.describe('Σ|a_f| / Σ over all features'),
});

const slice = z.strictObject({
  key: name.describe('`overall` or `column=value`'),
  rows: count,
  usable: count.describe('rows whose every attribution is finite'),
  coverage: share,
  protectedShare: share,
  proxyShare: share,
  features: z.array(feature),
}).meta({ id: 'ExplainSlice', description: 'attribution statistics of the overall rows or one group' });

const flipRate = {
  rows: count,
  flipped: count,
  rate: share,
  interval: interval.exactOptional(),
};

export const explainSectionSchema = z
  .strictObject({
    features: z.array(name).describe('the model features, in the order the endpoint takes them'),
    protected: z.array(name),
    proxies: z.array(name).describe('declared proxies, then detected ones'),
    attributions: z
      .strictObject({
        alignment: z.enum(['id', 'position']),
        overall: slice,
        groups: z.array(slice),
        disparities: z.array(
          z.strictObject({ column: name, feature: name, value: z.number().nullable(), extremes: z.array(z.string()), excluded: z.array(z.string()) }),
        ),
      })
      .exactOptional(),
    stability: z
      .strictObject({
        k: count,
        spearman: z.number().nullable(),
        kendallTauB: z.number().nullable(),
        topKOverlap: z.number().nullable(),
        onlyCurrent: z.array(name),
        onlyBaseline: z.array(name),
      })
      .exactOptional(),
    associations: z.array(
      z.strictObject({
        feature: name,
        kind: z.enum(['number', 'category']),
        sensitive: name,
        n: count,
        cramersV: z.number().nullable(),
        cramersVCorrected: z.number().nullable(),
        correlationRatio: z.number().nullable(),
        normalizedMutualInformation: z.number().nullable(),
        importanceRank: z.number().int().min(1).nullable(),
      }),
    ),
    flips: z
      .strictObject({
        endpoint: z.string().describe('without credentials or query values'),
        protocol: z.enum(['json', 'v2']),
        sampled: count,
        threshold: z.number().nullable(),
        tests: z.array(
          z.strictObject({
            sensitive: name,
            proxies: z.array(name),
            overall: z.strictObject(flipRate),
            groups: z.array(z.strictObject({ value: z.string(), ...flipRate })),
            requests: count,
          }),
        ),
      })
      .exactOptional(),
  })
  .meta({ id: 'ExplainSection', description: 'explainability evidence: attribution statistics, proxies, stability, flip tests' });
