import { fail, isDigest, type Digest } from '../../core/index.ts';

export interface ModelVersionRef {
  readonly model: string;
  readonly version: string;
}

export interface DatasetRef {
  readonly name: string;
  readonly digest?: Digest;
}

/** `credit-scoring@1.4.0` → model and version; the last `@` splits them, and neither side may be empty. */
export function parseModelVersion(text: string): ModelVersionRef {
  const at = text.lastIndexOf('@');
  const model = text.slice(0, Math.max(at, 0));
  const version = text.slice(at + 1);
  if (at <= 0 || version === '' || /\s/.test(text)) {
    fail('RECORD_INVALID_REFERENCE', `"${text}" does not name a model version`, { expected: '<model>@<version>, e.g. credit-scoring@1.4.0' });
  }
  return { model, version };
}

/** `loans-2026` or `loans-2026@sha256:…` (a specific recorded content of that dataset). */
export function parseDatasetRef(text: string): DatasetRef {
  const at = text.indexOf('@');
  if (at < 0) {
    if (text.trim() === '') fail('RECORD_INVALID_REFERENCE', 'a --dataset value is empty', { expected: '<name>[@sha256:<64 hex digits>]' });
    return { name: text };
  }
  const name = text.slice(0, at);
  const digest = text.slice(at + 1);
  if (name === '' || !isDigest(digest)) {
    fail('RECORD_INVALID_REFERENCE', `--dataset "${text}" is malformed`, { expected: '<name>[@sha256:<64 lowercase hex digits>]' });
  }
  return { name, digest };
}

/**
 * `--param k=v` values → a parameter record. Values that are JSON numbers or booleans are kept as such (so
 * `lr=0.01` is the number 0.01), everything else is a string; a key given twice is refused rather than overwritten.
 */
export function parseParams(values: readonly string[]): Record<string, string | number | boolean> {
  const params: Record<string, string | number | boolean> = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    const key = value.slice(0, Math.max(eq, 0)).trim();
    if (eq <= 0 || key === '') fail('RECORD_INVALID_REFERENCE', `--param "${value}" is not key=value`, { expected: 'key=value, e.g. lr=0.01' });
    if (Object.hasOwn(params, key)) fail('RECORD_INVALID_REFERENCE', `--param ${key} is given twice`, { expected: 'each key once' });
    params[key] = typedValue(value.slice(eq + 1));
  }
  return params;
}

function typedValue(raw: string): string | number | boolean {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(raw)) {
    const number = Number(raw);
    if (Number.isFinite(number)) return number;
  }
  return raw;
}
