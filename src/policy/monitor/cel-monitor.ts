import { Environment, type ParseResult } from '@marcbachmann/cel-js';

/**
 * The CEL environment of a monitor's `rules:` (docs/monitoring.md, "Expression rules"). Variables:
 * - `columns`: map<string, map<string, double>>: column → `psi`, `ks`, `ks_p`, `wasserstein`, `chi_square`,
 *   `chi_square_p`, `jensen_shannon` (the statistics that ran), `missing_change`, `new_share` and `drift` (1 or 0);
 * - `share`: the share of tested columns that drift (0 when none was tested);
 * - `drifting`: the names of the drifting columns;
 * - `overall`: map<string, double>, the gate's metrics on the window when it has labels (empty otherwise).
 * An expression returns true when the window is healthy.
 */
function createEnvironment(): Environment {
  const env = new Environment({ homogeneousAggregateLiterals: false });
  env.registerVariable('columns', 'map<string, map<string, double>>');
  env.registerVariable('share', 'double');
  env.registerVariable('drifting', 'list<string>');
  env.registerVariable('overall', 'map<string, double>');
  return env;
}

export interface MonitorCelVariables {
  readonly columns: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly share: number;
  readonly drifting: readonly string[];
  readonly overall: ReadonlyMap<string, number>;
}

const environment = createEnvironment();
const compiled = new Map<string, ParseResult>();

export interface MonitorCelProblem {
  readonly kind: 'syntax' | 'type';
  readonly message: string;
  readonly index: number;
}

/** Parses and type-checks an expression; it must return bool. */
export function checkMonitorExpression(expression: string): MonitorCelProblem | undefined {
  let program: ParseResult;
  try {
    program = environment.parse(expression);
  } catch (error) {
    return { kind: 'syntax', ...describe(error) };
  }
  const result = program.check();
  if (!result.valid) return { kind: 'type', ...describe(result.error) };
  if (result.type !== 'bool' && result.type !== 'dyn') return { kind: 'type', message: `the expression returns ${result.type ?? 'an unknown type'}, not bool`, index: 0 };
  compiled.set(expression, program);
  return undefined;
}

/** Runs a checked expression; an evaluation error (a missing column key, say) comes back as a message. */
export function runMonitorExpression(expression: string, variables: MonitorCelVariables): { ok: true; value: unknown } | { ok: false; error: string } {
  let program = compiled.get(expression);
  if (program === undefined) {
    const problem = checkMonitorExpression(expression);
    if (problem !== undefined) return { ok: false, error: problem.message };
    program = compiled.get(expression);
  }
  try {
    return { ok: true, value: program?.(variables as unknown as Record<string, unknown>) };
  } catch (error) {
    return { ok: false, error: describe(error).message };
  }
}

function describe(error: unknown): { message: string; index: number } {
  const details = error as { summary?: unknown; message?: unknown; range?: { start?: unknown } };
  const message = typeof details.summary === 'string' ? details.summary : String(details.message ?? error);
  const index = typeof details.range?.start === 'number' ? details.range.start : 0;
  return { message, index };
}
