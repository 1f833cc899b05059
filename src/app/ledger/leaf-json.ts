import { canonicalJson } from '../../core/index.ts';

/**
 * RFC 8785 canonical JSON of a ledger event that passed the event schema, on the append path where the general
 * canonicalJson (which builds a JSON path for every value, for its error messages) ran ~5 µs per event, and a
 * hand-written writer concatenating strings still ~3 µs. Here one walk collects every member name, and the native
 * JSON.stringify writes the text with that list, sorted, as its replacer: a replacer list fixes the member order
 * of every object to the list's order (ECMA-262 SerializeJSONObject), which sorted by UTF-16 code units is exactly
 * RFC 8785 §3.2.3's order. Strings and numbers are what RFC 8785 prescribes (it adopts ECMAScript's JSON.stringify
 * serialisation: shortest round-trip numbers, -0 as 0) and undefined members are dropped, as canonicalJson does.
 * Anything unusual (a toJSON method, a non-plain object, undefined in an array, a non-finite number, a non-JSON
 * type) is handed to canonicalJson, which produces the same text or the same precise error.
 */
export function leafJson(event: object): string {
  const names = new Set<string>();
  if (!collectNames(event, names)) return canonicalJson(event);
  return JSON.stringify(event, [...names].sort());
}

/** Adds every member name under `value` to `names`; false when the value needs the general serialiser. */
function collectNames(value: unknown, names: Set<string>): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (Array.isArray(value)) {
        for (const item of value) if (item === undefined || !collectNames(item, names)) return false;
        return true;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return false; // a Date, a Map, a class instance
      const object = value as Record<string, unknown>;
      for (const name of Object.keys(object)) {
        // JSON.stringify reads each listed name with [[Get]], which finds the inherited __proto__ accessor on an
        // object lacking that member: a list naming it would write the prototype into other objects.
        if (name === '__proto__') return false;
        const member = object[name];
        if (member === undefined) continue;
        if (!collectNames(member, names)) return false;
        names.add(name);
      }
      return true;
    }
    default:
      return false;
  }
}
