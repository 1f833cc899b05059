/**
 * Plain-text layout for the terminal report: strip what a terminal would execute, then wrap, cut and pad to fit the
 * width. Widths count code points, which is exact for the Latin, Greek and symbol text Steward prints.
 */

/**
 * Data-derived strings (group values, messages) may contain ESC and other controls that would move the cursor or
 * recolour the terminal; they are shown as visible `\u001b`-style escapes instead. Tabs and newlines become spaces.
 */
export function sanitizeTerminal(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x09 || code === 0x0a || code === 0x0d) out += ' ';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return out;
}

export function visibleLength(text: string): number {
  return [...text].length;
}

/** Cuts to `width` code points, ending in `…` when something was cut. */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return chars.slice(0, width).join('');
  return `${chars.slice(0, width - 1).join('')}…`;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - visibleLength(text))) + text;
}

/** Greedy word wrap to `width`, every line prefixed by `indent`; words longer than a line are split. */
export function wrap(text: string, width: number, indent: string): string[] {
  const room = Math.max(10, width - visibleLength(indent));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/).filter((part) => part !== '')) {
    const pieces = splitLong(word, room);
    for (const piece of pieces) {
      if (line === '') line = piece;
      else if (visibleLength(line) + 1 + visibleLength(piece) <= room) line = `${line} ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((item) => indent + item);
}

function splitLong(word: string, room: number): string[] {
  const chars = [...word];
  const pieces: string[] = [];
  for (let start = 0; start < chars.length; start += room) pieces.push(chars.slice(start, start + room).join(''));
  return pieces;
}
