import { fail, type Task } from '../../core/index.ts';
import type { ColumnRequest } from '../types.ts';

/** Which columns of an evaluation file play which role (from the policy's `data:` section and the CLI flags). */
export interface EvaluationMapping {
  readonly task: Task;
  readonly yTrue: string;
  readonly yPred?: string;
  /** Score / probability of the positive class. */
  readonly score?: string;
  /** Binary without yPred: y_pred = score ≥ threshold. Default 0.5. */
  readonly threshold?: number;
  /** Sensitive columns, in policy order. */
  readonly sensitive: readonly string[];
  readonly weight?: string;
  /** Binary: the class value that counts as positive (see labels.ts for how it combines with `labels`). */
  readonly positiveLabel?: string;
  /** Binary: the declared class values; any other value of y_true / y_pred is INPUT_UNKNOWN_LABEL. */
  readonly labels?: readonly string[];
}

export const DEFAULT_THRESHOLD = 0.5;

/**
 * The columns a mapping reads and how: binary labels as categories (so "yes"/"no" and "1"/"0" both work), regression
 * targets, scores and weights as numbers, sensitive columns as categories. Checks the mapping's own consistency first.
 */
export function evaluationRequests(mapping: EvaluationMapping): ColumnRequest[] {
  checkMapping(mapping);
  const label = mapping.task === 'binary' ? 'category' : 'number';
  const requests: ColumnRequest[] = [{ name: mapping.yTrue, kind: label }];
  if (mapping.yPred !== undefined) requests.push({ name: mapping.yPred, kind: label });
  if (mapping.score !== undefined) requests.push({ name: mapping.score, kind: 'number' });
  if (mapping.weight !== undefined) requests.push({ name: mapping.weight, kind: 'number' });
  for (const name of mapping.sensitive) requests.push({ name, kind: 'category' });
  return requests;
}

function checkMapping(mapping: EvaluationMapping): void {
  if (typeof mapping.yTrue !== 'string' || mapping.yTrue === '') {
    fail('USAGE_INVALID_ARGUMENT', 'the evaluation mapping names no y_true column', { expected: 'a y_true column name' });
  }
  if (mapping.task === 'regression' && mapping.yPred === undefined) {
    fail('USAGE_INVALID_ARGUMENT', 'a regression evaluation needs a y_pred column', { expected: 'a y_pred column name' });
  }
  if (mapping.task === 'binary' && mapping.yPred === undefined && mapping.score === undefined) {
    fail('USAGE_INVALID_ARGUMENT', 'a binary evaluation needs a y_pred or a score column', {
      expected: 'y_pred, or score (thresholded at `threshold`, default 0.5)',
    });
  }
  if (mapping.threshold !== undefined && !Number.isFinite(mapping.threshold)) {
    fail('USAGE_INVALID_ARGUMENT', `threshold ${String(mapping.threshold)} is not a finite number`, { expected: 'a number such as 0.5' });
  }
}
