/**
 * Where a problem is. Lines and columns are 1-based, as editors show them; `path` is a JSON path into a structured
 * document (`rules[2].min`) when the problem is in a field rather than at a text position.
 */
export interface Location {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;
}

/** `file:line:column` (the parts that are known), the form editors and CI annotations link. */
export function formatLocation(location: Location): string {
  const parts: string[] = [];
  if (location.file !== undefined) parts.push(location.file);
  if (location.line !== undefined) {
    parts.push(String(location.line));
    if (location.column !== undefined) parts.push(String(location.column));
  }
  const where = parts.join(':');
  if (location.path === undefined) return where;
  return where === '' ? location.path : `${where} (${location.path})`;
}
