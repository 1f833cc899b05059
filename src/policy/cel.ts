import { Environment, type ParseResult } from '@marcbachmann/cel-js';
import type { MetricsSection, SliceMetrics } from '../core/index.ts';

/**
 * The CEL environment of `expression:` rules. Variables (docs/policy.md, "CEL variables"):
 * - `overall`: map<string, double>, metric name → overall value;
 * - `groups`: list<Group>, Group = {key, grouping: list<string>, group: map<string, string>, rows, weight, metrics};
 * - `disparities`: map<string, double> keyed `metric:grouping:aggregation`, e.g.
 *   `demographic_parity_ratio:race&sex:between_groups`;
 * - `baseline`: map<string, double> like `overall`, for the baseline evaluation; empty when there is none;
 * - `card`: the model card (dyn); an empty map when there is none.
 * A metric whose value is null (undefined for that slice) is left out of its map, so `has(overall.roc_auc)` tells
 * whether it is defined, and reading it anyway is an evaluation error the rule reports as insufficient evidence.
 */
function createEnvironment(): Environment {
  const env = new Environment({ homogeneousAggregateLiterals: false });
  env.registerType('Group', {
    fields: {
      key: 'string',
      grouping: 'list<string>',
      group: 'map<string, string>',
      rows: 'double',
      weight: 'double',
      metrics: 'map<string, double>',
    },
  });
  env.registerVariable('overall', 'map<string, double>');
  env.registerVariable('groups', 'list<Group>');
  env.registerVariable('disparities', 'map<string, double>');
  env.registerVariable('baseline', 'map<string, double>');
  env.registerVariable('card', 'dyn');
  return env;
}

const environment = createEnvironment();
const compiled = new Map<string, ParseResult>();

export type CelProblem = { readonly kind: 'syntax' | 'type'; readonly message: string; readonly index: number };

/** Parses and type-checks an expression; it must return bool (or dyn, checked again when it runs). */
export function checkExpression(expression: string): CelProblem | undefined {
  let program: ParseResult;
  try {
    program = environment.parse(expression);
  } catch (error) {
    return { kind: 'syntax', ...describe(error) };
  }
  const result = program.check();
  if (!result.valid) return { kind: 'type', ...describe(result.error) };
  if (result.type !== 'bool' && result.type !== 'dyn') {
    return { kind: 'type', message: `the expression returns ${result.type ?? 'an unknown type'}, not bool`, index: 0 };
  }
  compiled.set(expression, program);
  return undefined;
}

function describe(error: unknown): { message: string; index: number } {
  const details = error as { summary?: unknown; message?: unknown; range?: { start?: unknown } };
  const message = typeof details.summary === 'string' ? details.summary : String(details.message ?? error);
  const index = typeof details.range?.start === 'number' ? details.range.start : 0;
  return { message, index };
}

export type CelOutcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

/** Runs an expression (checked first if it was not) against the variables of one evaluation. */
export function runExpression(expression: string, variables: CelVariables): CelOutcome {
  let program = compiled.get(expression);
  if (program === undefined) {
    const problem = checkExpression(expression);
    if (problem !== undefined) return { ok: false, error: problem.message };
    program = compiled.get(expression);
  }
  try {
    return { ok: true, value: program?.(variables as unknown as Record<string, unknown>) };
  } catch (error) {
    return { ok: false, error: describe(error).message };
  }
}

export interface CelVariables {
  readonly overall: Record<string, number>;
  readonly groups: readonly CelGroup[];
  readonly disparities: Record<string, number>;
  readonly baseline: Record<string, number>;
  readonly card: unknown;
}

interface CelGroup {
  readonly key: string;
  readonly grouping: readonly string[];
  readonly group: Readonly<Record<string, string>>;
  readonly rows: number;
  readonly weight: number;
  readonly metrics: Record<string, number>;
}

/** The key of a disparity in `disparities`. */
export function disparityKey(metric: string, grouping: readonly string[], aggregation: string): string {
  return `${metric}:${grouping.join('&')}:${aggregation}`;
}

export function celVariables(metrics: MetricsSection, baseline?: MetricsSection, card?: unknown): CelVariables {
  const disparities: Record<string, number> = {};
  for (const disparity of metrics.disparities) {
    if (disparity.value !== null) {
      disparities[disparityKey(disparity.metric, disparity.grouping, disparity.aggregation)] = disparity.value;
    }
  }
  return {
    overall: definedValues(metrics.overall),
    groups: metrics.groups.map((slice) => ({
      key: slice.key,
      grouping: slice.grouping,
      group: slice.group,
      rows: slice.rows,
      weight: slice.weight,
      metrics: definedValues(slice),
    })),
    disparities,
    baseline: baseline === undefined ? {} : definedValues(baseline.overall),
    card: card ?? {},
  };
}

function definedValues(slice: SliceMetrics): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, metric] of Object.entries(slice.metrics)) {
    if (metric.value !== null) out[name] = metric.value;
  }
  return out;
}
