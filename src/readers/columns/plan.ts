import { didYouMean, fail, type Location } from '../../core/index.ts';
import type { ColumnKind, ColumnRequest } from '../types.ts';
import { Dictionary } from './dictionary.ts';

/** One requested column, resolved against a file's header. */
export interface SlotPlan {
  readonly name: string;
  readonly kind: ColumnKind;
  /** Position of the column in the header. */
  readonly field: number;
  /** The read-wide dictionary of a category column. */
  readonly dictionary: Dictionary | undefined;
  /** Number column: list non-numbers in the batch instead of failing (ColumnRequest.collectInvalid). */
  readonly collectInvalid: boolean;
}

export interface ColumnPlan {
  readonly slots: readonly SlotPlan[];
  /** Header position → slot, -1 for a column nobody asked for (it is skipped, never decoded). */
  readonly slotOfField: Int32Array;
}

/**
 * Resolves the requested columns against the header: each requested name must be in the header (otherwise
 * INPUT_MISSING_COLUMN, with a "did you mean" hint and the header's location). A name requested twice is read once;
 * requesting it as two different kinds is a caller bug reported as a usage error.
 */
export function planColumns(
  header: readonly string[],
  requests: readonly ColumnRequest[],
  headerLocation: Location,
): ColumnPlan {
  const slotOfField = new Int32Array(header.length).fill(-1);
  const slots: SlotPlan[] = [];
  const byName = new Map<string, SlotPlan>();
  const position = new Map(header.map((name, index) => [name, index]));
  for (const request of requests) {
    const seen = byName.get(request.name);
    if (seen !== undefined) {
      if (seen.kind !== request.kind) {
        fail('USAGE_INVALID_ARGUMENT', `column "${request.name}" is mapped both as a ${seen.kind} and as a ${request.kind}`, {
          expected: 'each column used in one role kind only',
        });
      }
      continue;
    }
    const field = position.get(request.name);
    if (field === undefined) {
      const hint = didYouMean(request.name, header);
      fail('INPUT_MISSING_COLUMN', `column "${request.name}" is not in the file`, {
        location: headerLocation,
        expected: `one of: ${header.map((name) => JSON.stringify(name)).join(', ')}`,
        ...(hint === undefined ? {} : { hint }),
      });
    }
    const slot: SlotPlan = {
      name: request.name,
      kind: request.kind,
      field,
      dictionary: request.kind === 'category' ? new Dictionary() : undefined,
      collectInvalid: request.kind === 'number' && request.collectInvalid === true,
    };
    slotOfField[field] = slots.length;
    slots.push(slot);
    byName.set(request.name, slot);
  }
  return { slots, slotOfField };
}
