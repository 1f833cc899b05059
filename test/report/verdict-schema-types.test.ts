import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from 'zod';
import type { Verdict } from '../../src/core/index.ts';
import type { verdictSchema } from '../../src/report/verdict-schema.ts';
import { failingVerdict } from './fixtures.ts';

type Parsed = z.infer<typeof verdictSchema>;
type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** Compile-time: the zod schema and the TypeScript contract describe the same objects, in both directions. */
const toContract = (parsed: DeepReadonly<Parsed>): Verdict => parsed;
const fromContract = (verdict: Verdict): DeepReadonly<Parsed> => verdict;

test('the zod verdict schema and the core Verdict type agree (checked by tsc), and round-trip a fixture', () => {
  const verdict = failingVerdict();
  assert.deepEqual(toContract(fromContract(verdict)), verdict);
});
