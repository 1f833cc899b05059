/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the byte form of every hashed record (ledger leaves, verdict digests).
 *
 * - Object members sorted by their names compared as UTF-16 code unit arrays (RFC 8785 §3.2.3); JavaScript's default
 *   string comparison is exactly that.
 * - Numbers serialised as ECMAScript Number.prototype.toString does (§3.2.2.3); non-finite numbers are not JSON.
 * - Strings serialised as JSON.stringify does, which is the escaping of §3.2.2.2 (ES2019+ well-formed stringify).
 * - No whitespace.
 * `undefined` members are omitted, as JSON.stringify omits them; `undefined` in an array is rejected.
 */
export function canonicalJson(value: unknown): string {
  return serialize(value, '$');
}

function serialize(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number at ${path}`);
      // ES Number::toString yields the shortest round-trip form, as RFC 8785 requires; -0 becomes "0".
      return Object.is(value, -0) ? '0' : String(value);
    case 'object':
      return Array.isArray(value) ? serializeArray(value, path) : serializeObject(value as Record<string, unknown>, path);
    default:
      throw new TypeError(`canonicalJson: ${typeof value} is not JSON at ${path}`);
  }
}

function serializeArray(items: readonly unknown[], path: string): string {
  const parts = items.map((item, index) => {
    if (item === undefined) throw new TypeError(`canonicalJson: undefined at ${path}[${index}]`);
    return serialize(item, `${path}[${index}]`);
  });
  return `[${parts.join(',')}]`;
}

function serializeObject(object: Record<string, unknown>, path: string): string {
  if (typeof (object as { toJSON?: unknown }).toJSON === 'function') {
    return serialize((object as { toJSON: () => unknown }).toJSON(), path);
  }
  const names = Object.keys(object)
    .filter((name) => object[name] !== undefined)
    .sort();
  const parts = names.map((name) => `${JSON.stringify(name)}:${serialize(object[name], `${path}.${name}`)}`);
  return `{${parts.join(',')}}`;
}
