import { fail } from '../../core/index.ts';

/**
 * Well-known spellings of a binary class pair, positive first. Compared case-insensitively, so pandas' True/False
 * and R's TRUE/FALSE match too.
 */
export const KNOWN_PAIRS: readonly (readonly [string, string])[] = [
  ['1', '0'],
  ['1.0', '0.0'],
  ['true', 'false'],
  ['yes', 'no'],
  ['y', 'n'],
  ['positive', 'negative'],
];

function pairOf(value: string): readonly [string, string] | undefined {
  const lower = value.toLowerCase();
  return KNOWN_PAIRS.find(([positive, negative]) => positive === lower || negative === lower);
}

/**
 * Maps the values of one binary label column (y_true or y_pred) to 1 (positive) / 0 (negative):
 *
 * - `labels` declared: only those values are classes (exact match); the positive one is `positiveLabel`, or, when
 *   the labels are a known pair, that pair's first value. Anything else is INPUT_UNKNOWN_LABEL.
 * - only `positiveLabel`: if it belongs to a known pair, the pair's other value is negative and anything else is
 *   unknown; otherwise the positive label is the one positive value and EVERY other value is negative (one-vs-rest).
 * - neither: the first value met fixes the known pair (values are case-insensitive); a value outside that pair is
 *   unknown. Each column infers its own pair, so y_true in {1,0} and y_pred in {1.0,0.0} both work.
 */
export class LabelDecoder {
  private readonly declared: ReadonlySet<string> | undefined;
  private readonly positive: string | undefined;
  private pair: readonly [string, string] | undefined;

  constructor(positiveLabel: string | undefined, labels: readonly string[] | undefined) {
    if (labels !== undefined) {
      this.declared = new Set(labels);
      const inferred = labels.length === 2 ? pairOf(labels[0] ?? '') : undefined;
      const isPair = inferred !== undefined && labels.every((label) => inferred.includes(label.toLowerCase()));
      this.positive = positiveLabel ?? (isPair ? labels.find((label) => label.toLowerCase() === inferred[0]) : undefined);
      if (this.positive === undefined) {
        fail('USAGE_INVALID_ARGUMENT', `the labels ${JSON.stringify(labels)} do not say which class is positive`, {
          expected: 'positive_label, one of the declared labels',
        });
      }
      if (!this.declared.has(this.positive)) {
        fail('USAGE_INVALID_ARGUMENT', `positive_label ${JSON.stringify(this.positive)} is not one of the labels`, {
          expected: `one of: ${labels.join(', ')}`,
        });
      }
      return;
    }
    this.positive = positiveLabel;
    if (positiveLabel !== undefined) {
      const pair = pairOf(positiveLabel);
      if (pair !== undefined) {
        const lower = positiveLabel.toLowerCase();
        this.pair = pair[0] === lower ? pair : [pair[1], pair[0]];
      }
    }
  }

  /** 1, 0, or undefined for a value that is not a class under this mapping. */
  classify(value: string): 1 | 0 | undefined {
    if (this.declared !== undefined) {
      if (!this.declared.has(value)) return undefined;
      return value === this.positive ? 1 : 0;
    }
    if (this.positive !== undefined && this.pair === undefined) return value === this.positive ? 1 : 0;
    const lower = value.toLowerCase();
    this.pair ??= pairOf(lower);
    if (this.pair === undefined) return undefined;
    if (lower === this.pair[0]) return 1;
    return lower === this.pair[1] ? 0 : undefined;
  }

  /** What the column may hold, for the INPUT_UNKNOWN_LABEL message. */
  expected(): string {
    if (this.declared !== undefined) return `one of the declared labels: ${[...this.declared].join(', ')}`;
    if (this.pair !== undefined) return `one of: ${this.pair[0]}, ${this.pair[1]} (case-insensitive)`;
    return `a known class pair (${KNOWN_PAIRS.map((pair) => pair.join('/')).join(', ')}), or declare labels and positive_label`;
  }
}
