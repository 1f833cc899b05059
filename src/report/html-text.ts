/**
 * Escaping for the HTML report. Everything data-derived is escaped for both text and double-quoted attributes, and
 * controls the HTML spec calls parse errors are replaced, so a group value can never become markup or script.
 */
export function html(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '&') out += '&amp;';
    else if (char === '<') out += '&lt;';
    else if (char === '>') out += '&gt;';
    else if (char === '"') out += '&quot;';
    else if (char === "'") out += '&#39;';
    else if (char === '\n' || char === '\t') out += char;
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfffe || code === 0xffff) out += '\uFFFD';
    else if (code >= 0xd800 && code <= 0xdfff) out += '\uFFFD';
    else out += char;
  }
  return out;
}

/** A number for SVG coordinates: one decimal, fixed, so the same verdict draws the same bytes. */
export function coordinate(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1);
}

/** An id fragment that is unique per index and safe in attributes whatever the text. */
export function anchor(prefix: string, index: number): string {
  return `${prefix}-${index}`;
}
