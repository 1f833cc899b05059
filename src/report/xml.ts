/**
 * XML 1.0 text for JUnit reports. Besides the five markup characters, XML 1.0 forbids most C0 controls, lone
 * surrogates and U+FFFE/U+FFFF anywhere in a document (§2.2 Char) — not even as character references — so those are
 * replaced by a visible `\uXXXX` text, keeping the information without breaking the parser of the CI system.
 */

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Replaces characters XML 1.0 cannot carry. Iterates code points, so a lone surrogate is seen alone. */
export function xmlSafe(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    out += isXmlChar(code) ? char : `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return out;
}

/** Element content: `&`, `<`, `>` escaped (`>` too, so `]]>` cannot appear). */
export function xmlText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Attribute value (double-quoted): also quotes, and tabs/newlines as references so attribute normalisation keeps them. */
export function xmlAttribute(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** `name="value"` pairs in the given order, each escaped. */
export function xmlAttributes(attributes: readonly (readonly [string, string])[]): string {
  return attributes.map(([name, value]) => ` ${name}="${xmlAttribute(value)}"`).join('');
}
