/** An object type with every member optional and never explicitly undefined. */
export type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/**
 * Drops the members whose value is undefined. Under exactOptionalPropertyTypes an optional member may be absent but
 * not `undefined`, so objects built from optional inputs go through here instead of a conditional spread per field.
 */
export function defined<T extends object>(value: T): Defined<T> {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as Defined<T>;
}
