import { didYouMean, type ErrorCode, type Location, type Problem } from '../core/index.ts';
import type { DocPath } from './yaml-source.ts';

/** Where the parts of one rule are written: a policy rule's own fields, or a pack rule's `extends:` entry. */
export interface RuleSite {
  at(path: DocPath): Location;
  /** Character `index` of the rule's expression. */
  expressionAt(index: number): Location;
}

/** Collects problems instead of throwing, so `steward policy validate` can report them all at once. */
export class Problems {
  readonly list: Problem[] = [];

  add(code: ErrorCode, message: string, location: Location, details: { expected?: string; hint?: string } = {}): void {
    this.list.push({ code, message, location, ...details });
  }

  /** An unknown name, with a did-you-mean hint from `candidates`. */
  unknown(code: ErrorCode, message: string, location: Location, name: string, candidates: readonly string[], expected?: string): void {
    const hint = didYouMean(name, candidates);
    this.add(code, message, location, {
      ...(expected === undefined ? {} : { expected }),
      ...(hint === undefined ? {} : { hint }),
    });
  }

  get size(): number {
    return this.list.length;
  }
}
