import { StewardError, fail, isStewardError, type Problem } from '../../core/index.ts';
import { readUserFile } from '../load-policy.ts';
import { analyzeMonitor } from './analyze-monitor.ts';
import type { Monitor } from './types.ts';

/** Loads and validates a monitor document; the first problem is thrown naming its line and column. */
export async function loadMonitor(file: string): Promise<Monitor> {
  const { monitor, problems } = analyzeMonitor(file, await readUserFile(file));
  const first = problems[0];
  if (first !== undefined) throw new StewardError(first);
  if (monitor === undefined) fail('INTERNAL_INVARIANT', `monitor ${file} has neither problems nor a value`);
  return monitor;
}

/** Every problem of a monitor file; an empty list means it is valid. */
export async function validateMonitorFile(file: string): Promise<Problem[]> {
  try {
    return analyzeMonitor(file, await readUserFile(file)).problems;
  } catch (error) {
    if (isStewardError(error)) return [error.problem];
    throw error;
  }
}
