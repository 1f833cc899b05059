import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { fail, type Location } from '../core/index.ts';

/** A path into a parsed document, as zod reports it: map keys and sequence indices. */
export type DocPath = readonly PropertyKey[];

/**
 * A YAML (or JSON, which is YAML) document parsed with its node ranges kept, so every later problem — a zod issue,
 * an unknown metric, a CEL error inside an expression — can name the file, line and column it comes from.
 */
export interface YamlSource {
  readonly file: string;
  readonly text: string;
  /** The document as plain JavaScript data (maps → objects). */
  readonly value: unknown;
  /** Where the value at `path` starts; the closest existing ancestor when the path does not exist. */
  at(path: DocPath): Location;
  /** Where the key `key` of the map at `path` is written (for unknown fields); falls back to the map. */
  keyAt(path: DocPath, key: string): Location;
  /** Where character `index` of the string scalar at `path` is written, through quotes, escapes and block indents. */
  charAt(path: DocPath, index: number): Location;
}

/** Parses `text`; a syntax error (the first one) is thrown as POLICY_YAML_SYNTAX with its line and column. */
export function parseYaml(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number, path?: DocPath): Location => {
    const { line, col } = lineCounter.linePos(offset);
    return path === undefined || path.length === 0
      ? { file, line, column: col }
      : { file, line, column: col, path: formatPath(path) };
  };
  const firstError = doc.errors[0];
  if (firstError !== undefined) {
    fail('POLICY_YAML_SYNTAX', `${file} is not valid YAML: ${firstLine(firstError.message)}`, {
      location: position(firstError.pos[0]),
    });
  }
  const nodeAt = (path: DocPath): { node: Node | undefined; offset: number } => {
    let node: unknown = doc.contents;
    let offset = rangeStart(node) ?? 0;
    for (const segment of path) {
      const next = child(node, segment);
      if (next === undefined) break;
      node = next.node;
      offset = rangeStart(next.node) ?? next.keyOffset ?? offset;
      if (next.node === null || next.node === undefined) break;
    }
    return { node: node as Node | undefined, offset };
  };
  return {
    file,
    text,
    value: doc.toJS({ maxAliasCount: 100 }) as unknown,
    at: (path) => position(nodeAt(path).offset, path),
    keyAt(path, key) {
      const found = child(nodeAt(path).node, key);
      return found?.keyOffset === undefined ? position(nodeAt(path).offset, path) : position(found.keyOffset, [...path, key]);
    },
    charAt(path, index) {
      const { node, offset } = nodeAt(path);
      if (!isScalar(node) || typeof node.value !== 'string' || node.range === undefined || node.range === null) {
        return position(offset, path);
      }
      return position(alignChar(node.value, text.slice(node.range[0], node.range[1]), index) + node.range[0], path);
    },
  };
}

interface Child {
  readonly node: unknown;
  readonly keyOffset?: number;
}

function child(node: unknown, segment: PropertyKey): Child | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (String(key) !== String(segment)) continue;
      const keyOffset = rangeStart(pair.key);
      return keyOffset === undefined ? { node: pair.value } : { node: pair.value, keyOffset };
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item: unknown = node.items[segment];
    return item === undefined ? undefined : { node: item };
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const range = (node as { range?: readonly number[] | null }).range;
  return range === null || range === undefined ? undefined : range[0];
}

/**
 * Maps a character of a scalar's value to its offset in the scalar's source by greedy alignment: each value
 * character is matched to the next identical source character, skipping quotes, escape backslashes, block headers
 * and indentation. Exact for plain, quoted and literal block scalars; within a line for folded ones.
 */
export function alignChar(value: string, source: string, index: number): number {
  let j = 0;
  let last = 0;
  for (let i = 0; i <= Math.min(index, value.length - 1); i++) {
    const wanted = value[i] === '\n' ? '\n' : value[i];
    let k = j;
    while (k < source.length && source[k] !== wanted && !(wanted === ' ' && source[k] === '\n')) k++;
    if (k >= source.length) return last;
    last = k;
    j = k + 1;
  }
  return index >= value.length ? Math.min(j, source.length) : last;
}

/** `rules[2].min`: the JSON path form used in Location.path. */
export function formatPath(path: DocPath): string {
  let out = '';
  for (const segment of path) {
    out += typeof segment === 'number' ? `[${segment}]` : `${out === '' ? '' : '.'}${String(segment)}`;
  }
  return out;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
