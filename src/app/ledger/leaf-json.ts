import { canonicalJson } from '../../core/index.ts';

/**
 * RFC 8785 canonical JSON of a ledger event that passed the event schema, on the append path where the general
 * canonicalJson (which builds a JSON path for every value, for its error messages) ran ~5 µs per event, a
 * hand-written writer concatenating strings ~3 µs, and JSON.stringify with a sorted replacer list of every member
 * name ~3 µs (the list is walked for every object). Here one walk returns the value with every object's members in
 * sorted order — the object itself when they already are, else a copy built in that order — and the native
 * JSON.stringify writes it (~1.5 µs in all): it emits members in their own-property order (ECMA-262
 * SerializeJSONObject), which sorted by UTF-16 code units is exactly RFC 8785 §3.2.3's order. Strings and numbers are
 * what RFC 8785 prescribes (it adopts ECMAScript's JSON.stringify serialisation: shortest round-trip numbers, -0 as
 * 0) and undefined members are dropped, as canonicalJson does. Anything unusual (a toJSON method, a non-plain object,
 * undefined in an array, a non-finite number, a non-JSON type, a member name a copy cannot hold in sorted order) is
 * handed to canonicalJson, which produces the same text or the same precise error.
 */
export function leafJson(event: object): string {
  const sorted = sortedMembers(event);
  return sorted === UNUSUAL ? canonicalJson(event) : JSON.stringify(sorted);
}

const UNUSUAL: unique symbol = Symbol('needs canonicalJson');

/** `value` with every object's members in sorted order (the same value when nothing moves), or UNUSUAL. */
function sortedMembers(value: unknown): unknown {
  if (value === null) return value;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : UNUSUAL;
    case 'object':
      return Array.isArray(value) ? sortedItems(value) : sortedObject(value);
    default:
      return UNUSUAL;
  }
}

function sortedItems(array: readonly unknown[]): unknown {
  let copy: unknown[] | undefined;
  for (let k = 0; k < array.length; k++) {
    const item = array[k]; // an indexed loop, so a hole reads as undefined
    if (item === undefined) return UNUSUAL;
    const sorted = sortedMembers(item);
    if (sorted === UNUSUAL) return UNUSUAL;
    if (sorted !== item) (copy ??= array.slice())[k] = sorted;
  }
  return copy ?? array;
}

function sortedObject(value: object): unknown {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return UNUSUAL; // a Date, a Map, a class instance
  const object = value as Record<string, unknown>;
  const names = Object.keys(object);
  let ordered = true;
  for (let k = 1; k < names.length && ordered; k++) ordered = (names[k - 1] as string) < (names[k] as string); // UTF-16 code units
  const list = ordered ? names : names.sort(); // the default sort compares UTF-16 code units too
  let copy: Record<string, unknown> | undefined;
  if (!ordered && (copy = emptyCopy(list)) === undefined) return UNUSUAL;
  for (let k = 0; k < list.length; k++) {
    const name = list[k] as string;
    const member = object[name];
    const sorted = member === undefined ? undefined : sortedMembers(member); // undefined members are dropped, as canonicalJson does
    if (sorted === UNUSUAL) return UNUSUAL;
    if (copy === undefined && sorted !== member) {
      // The first change in an ordered object: copy the members before it, which are unchanged.
      if ((copy = emptyCopy(list)) === undefined) return UNUSUAL;
      for (let j = 0; j < k; j++) copy[list[j] as string] = object[list[j] as string];
    }
    if (copy !== undefined && sorted !== undefined) copy[name] = sorted;
  }
  return copy ?? value;
}

/**
 * A fresh object for a copy of an object with these member names, or undefined when a copy could not keep them in
 * sorted order: an object lists array-index names ("7") first, in numeric order, whatever the insertion order, and
 * assigning __proto__ would set its prototype.
 */
function emptyCopy(names: readonly string[]): Record<string, unknown> | undefined {
  for (const name of names) if (name === '__proto__' || isIndexName(name)) return undefined;
  return {};
}

/** Whether `name` is an array index (ECMA-262: a canonical numeric string below 2^32 − 1), which objects order first. */
function isIndexName(name: string): boolean {
  const code = name.charCodeAt(0);
  if (code < 48 || code > 57) return false;
  const number = Number(name);
  return String(number) === name && Number.isInteger(number) && number < 2 ** 32 - 1;
}
