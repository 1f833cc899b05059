import { ResponseSerializationError } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/**
 * Response serialisation: the zod schema validates every answer (a field the app adds without the schema knowing it
 * is an error, not a silent leak), but the JSON keeps the app's key order. Zod rebuilds objects in schema order,
 * which would make a remote `steward … --format json` print the same data in another order than a local run.
 */
export const serializerCompiler = ({ schema, method, url }: { schema: unknown; method: string; url: string }) => (data: unknown): string => {
  const result = (schema as z.ZodType).safeEncode(data);
  if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
  return JSON.stringify(inOrderOf(data, result.data));
};

/** `parsed` (what the schema kept) with the keys in `original`'s order; keys only the schema added come last. */
function inOrderOf(original: unknown, parsed: unknown): unknown {
  if (Array.isArray(original) && Array.isArray(parsed)) return parsed.map((item, k) => inOrderOf(original[k], item));
  if (!isPlain(original) || !isPlain(parsed)) return parsed;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(original)) if (Object.hasOwn(parsed, key)) out[key] = inOrderOf(original[key], parsed[key]);
  for (const key of Object.keys(parsed)) if (!Object.hasOwn(out, key)) out[key] = parsed[key];
  return out;
}

function isPlain(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
