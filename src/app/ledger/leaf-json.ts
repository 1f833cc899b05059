import { canonicalJson } from '../../core/index.ts';

/**
 * RFC 8785 canonical JSON of a ledger event that passed the event schema, on the append path where it ran ~5 µs per
 * event through the general canonicalJson (which builds a JSON path for every value, for its error messages). Same
 * rules: keys sorted by UTF-16 code units, undefined members dropped, strings and numbers as ECMAScript serialises
 * them (shortest round-trip form, -0 as 0). Anything unusual (a toJSON method, undefined in an array, a non-finite
 * number, a non-JSON type) is handed to canonicalJson, which produces the same text or the same precise error.
 */
export function leafJson(event: object): string {
  const text = write(event);
  return text ?? canonicalJson(event);
}

/** The canonical text, or undefined when the general serialiser must decide. */
function write(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) return undefined;
      return Object.is(value, -0) ? '0' : String(value);
    case 'object':
      return Array.isArray(value) ? writeArray(value) : writeObject(value as Record<string, unknown>);
    default:
      return undefined;
  }
}

function writeArray(items: readonly unknown[]): string | undefined {
  let out = '[';
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    const text = item === undefined ? undefined : write(item);
    if (text === undefined) return undefined;
    out += k === 0 ? text : `,${text}`;
  }
  return `${out}]`;
}

function writeObject(object: Record<string, unknown>): string | undefined {
  if (typeof (object as { toJSON?: unknown }).toJSON === 'function') return undefined;
  const names = Object.keys(object).sort();
  let out = '{';
  let first = true;
  for (const name of names) {
    const member = object[name];
    if (member === undefined) continue;
    const text = write(member);
    if (text === undefined) return undefined;
    out += `${first ? '' : ','}${JSON.stringify(name)}:${text}`;
    first = false;
  }
  return `${out}}`;
}
