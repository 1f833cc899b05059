import { detectMask, type PiiDetector } from './pii-detectors.ts';
import { textWords } from './value-hash.ts';

const words = new Uint32Array(2);
const truthy = new Set(['1', 'true', 'yes', 't', 'y']);
const booleans = new Set(['0', '1', 'true', 'false', 'yes', 'no', 't', 'f', 'y', 'n']);

/**
 * The distinct values of one text column, owned by the profile (not the reader), so profiles of different reads
 * merge by value. Everything that depends only on a value is worked out once per distinct value and cached by its
 * code: fingerprint words, PII detector mask, allowed/typed flags, label class.
 */
export class CategoryValues {
  readonly values: string[] = [];
  /** Rows per code. */
  counts: Float64Array = new Float64Array(16);
  wordA: Uint32Array = new Uint32Array(16);
  wordB: Uint32Array = new Uint32Array(16);
  pii: Int32Array = new Int32Array(16);
  /** Bit 0: not an allowed value; bit 1: not of the declared type. */
  bad: Uint8Array = new Uint8Array(16);
  /** 1 when the value counts as the positive label. */
  positive: Uint8Array = new Uint8Array(16);
  readonly #codeOf = new Map<string, number>();
  #readerDictionary: readonly string[] | undefined;
  #readerMap: Int32Array = new Int32Array(0);
  #mapped = 0;
  readonly #allowed: ReadonlySet<string> | undefined;
  readonly #type: string | undefined;
  readonly #detectors: readonly PiiDetector[];
  readonly #positiveLabel: string | undefined;

  /**
   * Words-only mode, for id and unique columns whose values are mostly distinct: codes are the reader's own and no
   * value is kept (a profile-owned copy would double the memory the reader's dictionary already takes); counts per
   * value are not kept either. Such a column's facts cannot be merged by value across reads.
   */
  readonly wordsOnly: boolean;

  constructor(options: { allowed?: readonly string[]; type?: string; detectors: readonly PiiDetector[]; positiveLabel?: string; wordsOnly?: boolean }) {
    this.wordsOnly = options.wordsOnly ?? false;
    this.#allowed = options.allowed === undefined ? undefined : new Set(options.allowed);
    this.#type = options.type;
    this.#detectors = options.detectors;
    this.#positiveLabel = options.positiveLabel;
  }

  get size(): number {
    return this.values.length;
  }

  /** The code of a value, created (with its cached facts) when new. */
  codeOf(value: string): number {
    const known = this.#codeOf.get(value);
    if (known !== undefined) return known;
    const code = this.values.push(value) - 1;
    this.#codeOf.set(value, code);
    this.#learn(code, value);
    return code;
  }

  #learn(code: number, value: string): void {
    if (code >= this.counts.length) this.#grow(code + 1);
    textWords(value, words);
    this.wordA[code] = words[0] as number;
    this.wordB[code] = words[1] as number;
    this.pii[code] = this.#detectors.length === 0 ? 0 : detectMask(value, this.#detectors);
    let bad = 0;
    if (this.#allowed !== undefined && !this.#allowed.has(value)) bad |= 1;
    if (!fitsType(value, this.#type)) bad |= 2;
    this.bad[code] = bad;
    const lower = value.trim().toLowerCase();
    this.positive[code] = (this.#positiveLabel === undefined ? truthy.has(lower) : value === this.#positiveLabel) ? 1 : 0;
  }

  /**
   * Reader codes → own codes for one batch. The reader's dictionary is append-only for a whole read, so only codes
   * added since the last batch are looked up; a new read (another dictionary) starts a new map.
   */
  map(dictionary: readonly string[]): Int32Array {
    if (dictionary !== this.#readerDictionary) {
      this.#readerDictionary = dictionary;
      this.#mapped = 0;
    }
    if (this.wordsOnly) {
      for (; this.#mapped < dictionary.length; this.#mapped++) this.#learn(this.#mapped, dictionary[this.#mapped] as string);
      return identity(dictionary.length);
    }
    if (this.#readerMap.length < dictionary.length) {
      const bigger = new Int32Array(Math.max(16, dictionary.length * 2));
      bigger.set(this.#readerMap.subarray(0, this.#mapped));
      this.#readerMap = bigger;
    }
    for (; this.#mapped < dictionary.length; this.#mapped++) {
      this.#readerMap[this.#mapped] = this.codeOf(dictionary[this.#mapped] as string);
    }
    return this.#readerMap;
  }

  #grow(needed: number): void {
    let size = this.counts.length * 2;
    while (size < needed) size *= 2;
    const grow = <T extends Float64Array | Uint32Array | Int32Array | Uint8Array>(array: T): T => {
      const bigger = new (array.constructor as new (length: number) => T)(size);
      bigger.set(array);
      return bigger;
    };
    this.counts = grow(this.counts);
    this.wordA = grow(this.wordA);
    this.wordB = grow(this.wordB);
    this.pii = grow(this.pii);
    this.bad = grow(this.bad);
    this.positive = grow(this.positive);
  }
}

/** Whether a text value has the declared type; `category`/`string`/absent accept anything. */
export function fitsType(value: string, type: string | undefined): boolean {
  if (type === 'boolean') return booleans.has(value.trim().toLowerCase());
  if (type === 'number' || type === 'integer') {
    const trimmed = value.trim();
    const number = trimmed === '' ? Number.NaN : Number(trimmed);
    return Number.isFinite(number) && (type === 'number' || Number.isInteger(number));
  }
  return true;
}

let identityCodes = new Int32Array(0);

/** 0, 1, 2, … (shared, grown on demand): the code map of a words-only column. */
function identity(length: number): Int32Array {
  if (identityCodes.length < length) identityCodes = Int32Array.from({ length: Math.max(length, identityCodes.length * 2) }, (_, i) => i);
  return identityCodes;
}
