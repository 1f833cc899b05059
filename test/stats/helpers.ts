import fc from 'fast-check';
import type { EvaluationBatch } from '../../src/core/index.ts';
import { createEvaluationProfile, type EvaluationProfile } from '../../src/stats/index.ts';
import type { Row } from './reference/rows.ts';

/** Encodes rows as one EvaluationBatch with dictionaries in first-seen order (or reversed, to vary the codes). */
export function toBatch(rows: readonly Row[], columns: number, options: { reverseDictionaries?: boolean } = {}): EvaluationBatch {
  const dictionaries: string[][] = Array.from({ length: columns }, (_, c) => {
    const values = [...new Set(rows.map((r) => r.groups[c]).filter((v): v is string => v !== null && v !== undefined))];
    return options.reverseDictionaries === true ? values.reverse() : values;
  });
  const hasScore = rows.some((r) => !Number.isNaN(r.score));
  const hasWeight = rows.some((r) => r.weight !== 1);
  return {
    rows: rows.length,
    yTrue: Float64Array.from(rows, (r) => r.yTrue),
    yPred: Float64Array.from(rows, (r) => r.yPred),
    ...(hasScore ? { score: Float64Array.from(rows, (r) => r.score) } : {}),
    ...(hasWeight ? { weight: Float64Array.from(rows, (r) => r.weight) } : {}),
    groups: dictionaries.map((dictionary, c) => Int32Array.from(rows, (r) => (r.groups[c] === null ? -1 : dictionary.indexOf(r.groups[c] as string)))),
    groupValues: dictionaries,
  };
}

export function profileOf(rows: readonly Row[], names: readonly string[], task: 'binary' | 'regression' = 'binary', chunk = 0): EvaluationProfile {
  const profile = createEvaluationProfile({ task, sensitive: names });
  if (chunk <= 0) profile.add(toBatch(rows, names.length));
  else for (let i = 0; i < rows.length; i += chunk) profile.add(toBatch(rows.slice(i, i + chunk), names.length));
  return profile;
}

/** Equal within 1e-12, relative for large magnitudes; null only equals null. */
export function close(actual: number | null | undefined, expected: number | null | undefined, tolerance = 1e-12): boolean {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (actual === null || actual === undefined) return false;
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
}

const maybe = <T>(arbitrary: fc.Arbitrary<T>, missing: T): fc.Arbitrary<T> => fc.oneof({ arbitrary, weight: 12 }, { arbitrary: fc.constant(missing), weight: 1 });

/** Random binary rows: ties in scores, missing values, several groups (some tiny, some one-class), optional weights. */
export function binaryRows(options: { weighted: boolean; maxLength?: number }): fc.Arbitrary<Row[]> {
  const score = fc.oneof(fc.constantFrom(0, 0.1, 0.25, 0.5, 0.5, 0.75, 1), fc.double({ min: 0, max: 1, noNaN: true }));
  // Weights are 0 or in [1e-3, 5]: subnormal weights underflow pairwise products (P·N) in any float64 implementation.
  const weight = options.weighted ? fc.oneof(fc.constantFrom(0, 1, 2, 3), fc.double({ min: 1e-3, max: 5, noNaN: true })) : fc.constant(1);
  const row = fc.record({
    yTrue: maybe(fc.constantFrom(0, 1), Number.NaN),
    yPred: maybe(fc.constantFrom(0, 1), Number.NaN),
    score: maybe(score, Number.NaN),
    weight,
    groups: fc.tuple(maybe(fc.constantFrom('a', 'b', 'c', 'd'), null), maybe(fc.constantFrom('x', 'y'), null)),
  });
  return fc.array(row, { minLength: 0, maxLength: options.maxLength ?? 120 });
}
