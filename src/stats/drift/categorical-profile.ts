/** The name under which categories beyond the cap are counted together. */
export const OTHER_CATEGORY = '(other)';
/** At most this many distinct categories are counted by name; later ones are aggregated as `(other)`. */
export const CATEGORY_CAP = 1_000;

/**
 * The mergeable drift profile of one categorical column: a count per category and the missing count. Categories are
 * kept in first-seen order; once `categoryCap` names are held, every further NEW name is counted under `(other)`
 * (so which names are kept can depend on arrival order when a column has more than the cap; the counts of kept names
 * are always exact). Values come as the readers' CategoryColumn: Int32Array codes (−1 = missing) into an append-only
 * dictionary shared across batches; the code → slot map of each dictionary is cached, so a batch costs O(batch) plus
 * the dictionary entries it uses for the first time.
 */
export class CategoricalProfile {
  readonly kind = 'categorical';
  readonly categoryCap: number;
  readonly #names: string[] = [];
  readonly #index = new Map<string, number>();
  #counts = new Float64Array(16);
  #missing = 0;
  #count = 0;
  #other = -1;
  #dictionary: readonly string[] | undefined;
  #slots = new Int32Array(0);

  constructor(options: { readonly categoryCap?: number } = {}) {
    this.categoryCap = options.categoryCap ?? CATEGORY_CAP;
  }

  /** Non-missing values counted. */
  get count(): number {
    return this.#count;
  }

  get missing(): number {
    return this.#missing;
  }

  /** True when some names were aggregated as `(other)`. */
  get overflowed(): boolean {
    return this.#other >= 0;
  }

  /** Adds a batch of codes into `dictionary` (−1 = missing). */
  add(codes: Int32Array, dictionary: readonly string[]): this {
    if (dictionary !== this.#dictionary) {
      this.#dictionary = dictionary;
      this.#slots = new Int32Array(0);
    }
    if (this.#slots.length < dictionary.length) {
      const next = new Int32Array(dictionary.length).fill(-1);
      next.set(this.#slots);
      this.#slots = next;
    }
    const slots = this.#slots;
    let missing = 0;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i] as number;
      if (code < 0) {
        missing++;
        continue;
      }
      let slot = slots[code];
      if (slot === undefined) throw new RangeError(`category code ${code} is outside its dictionary of ${dictionary.length}`);
      if (slot < 0) {
        slot = this.#slotOf(dictionary[code] as string);
        slots[code] = slot;
      }
      this.#counts[slot] = (this.#counts[slot] as number) + 1;
    }
    this.#missing += missing;
    this.#count += codes.length - missing;
    return this;
  }

  /** Adds plain values (null = missing); convenience for tests and small inputs. */
  addValues(values: readonly (string | null)[]): this {
    for (const value of values) {
      if (value === null) this.#missing++;
      else this.addCount(value, 1);
    }
    return this;
  }

  /** Adds `count` occurrences of `name`. */
  addCount(name: string, count: number): void {
    const slot = this.#slotOf(name);
    this.#counts[slot] = (this.#counts[slot] as number) + count;
    this.#count += count;
  }

  merge(other: CategoricalProfile): this {
    for (const [name, count] of other.entries()) this.addCount(name, count);
    this.#missing += other.missing;
    return this;
  }

  /** [name, count] for every category with a count, in first-seen order (`(other)` where it first occurred). */
  entries(): [string, number][] {
    return this.#names.map((name, slot): [string, number] => [name, this.#counts[slot] as number]).filter(([, count]) => count > 0);
  }

  #slotOf(name: string): number {
    const known = this.#index.get(name);
    if (known !== undefined) return known;
    if (this.#names.length >= this.categoryCap && name !== OTHER_CATEGORY) {
      if (this.#other < 0) this.#other = this.#newSlot(OTHER_CATEGORY);
      return this.#other;
    }
    const slot = this.#newSlot(name);
    if (name === OTHER_CATEGORY) this.#other = slot;
    return slot;
  }

  #newSlot(name: string): number {
    const slot = this.#names.length;
    this.#names.push(name);
    this.#index.set(name, slot);
    if (slot >= this.#counts.length) {
      const next = new Float64Array(2 * this.#counts.length);
      next.set(this.#counts);
      this.#counts = next;
    }
    return slot;
  }
}

/** A fresh profile of `values` (null = missing). */
export function categoricalProfile(values: readonly (string | null)[], options: { readonly categoryCap?: number } = {}): CategoricalProfile {
  return new CategoricalProfile(options).addValues(values);
}
