/**
 * Escaping for GitHub-flavoured markdown, as rendered in job summaries and merge-request comments. Values come from
 * data (group values, messages), so they must not open links, emphasis, code spans, HTML tags or table cells.
 */

/**
 * Characters that start inline syntax anywhere in a line (emphasis, code, links, strikethrough, math, cells). Block
 * syntax (`#`, `-`, `+`, `>`) only acts at the start of a line, where escaped values never stand.
 */
const inlineSyntax = '\\`*_[]|~$';

/** Backslash-escapes inline syntax, encodes `<`, `>`, `&` as entities, flattens line breaks, replaces controls. */
export function mdText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '&') out += '&amp;';
    else if (char === '<') out += '&lt;';
    else if (char === '>') out += '&gt;';
    else if (char === '\n' || char === '\r' || char === '\t') out += ' ';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += '\uFFFD';
    else if (inlineSyntax.includes(char)) out += `\\${char}`;
    else out += char;
  }
  return out;
}

/** One table row; cells are already escaped. */
export function mdRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Header row and delimiter row; `right` marks numeric columns. */
export function mdHeader(headers: readonly { readonly label: string; readonly right?: boolean }[]): string[] {
  return [mdRow(headers.map((header) => header.label)), mdRow(headers.map((header) => (header.right === true ? '---:' : '---')))];
}
