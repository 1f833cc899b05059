import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { html } from '../../src/report/html-text.ts';
import { mdText } from '../../src/report/markdown-text.ts';
import { sanitizeTerminal, wrap } from '../../src/report/terminal-text.ts';
import { xmlAttribute, xmlSafe, xmlText } from '../../src/report/xml.ts';

/** Any UTF-16 text, lone surrogates and controls included: what a hostile CSV can put in a group value. */
const anyText = fc
  .array(fc.oneof(fc.string({ unit: 'binary' }), fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))))
  .map((parts) => parts.join(''));

const isXmlChar = (code: number): boolean =>
  code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;

const unescapeXml = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|apos|#9|#10|#13);/g, (_, name: string) =>
    ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#9': '\t', '#10': '\n', '#13': '\r' })[name] ?? '',
  );

test('XML text and attributes contain only XML 1.0 characters and only the five entities (property)', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      for (const escaped of [xmlText(text), xmlAttribute(text)]) {
        assert.ok([...escaped].every((char) => isXmlChar(char.codePointAt(0) ?? 0)));
        assert.ok(!escaped.includes('<') && !escaped.includes('>'));
        assert.ok(!/&(?!(amp|lt|gt|quot|apos|#9|#10|#13);)/.test(escaped), 'every & starts an entity');
      }
      assert.ok(!xmlAttribute(text).includes('"'));
      assert.equal(unescapeXml(xmlAttribute(text)), xmlSafe(text));
    }),
  );
});

test('xmlSafe keeps XML-valid text unchanged and makes forbidden characters visible', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (text) => {
      const valid = [...text].every((char) => isXmlChar(char.codePointAt(0) ?? 0));
      if (valid) assert.equal(xmlSafe(text), text);
    }),
  );
  assert.equal(xmlSafe('a\u0001b\uD800c\uFFFF'), 'a\\u0001b\\ud800c\\uffff');
});

test('HTML escaping leaves no markup character and no stray ampersand (property)', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const escaped = html(text);
      assert.ok(!/[<>"']/.test(escaped));
      assert.ok(!/&(?!(amp|lt|gt|quot|#39);)/.test(escaped));
    }),
  );
  const text = `<a href="x">Tom & 'Jerry'</a>`;
  assert.equal(html(text), '&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
});

test('markdown escaping leaves no unescaped pipe, tag, backtick, link bracket or line break (property)', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const escaped = mdText(text);
      assert.ok(!/[\\|`[\]*_~$]/.test(escaped.replace(/\\[\\|`[\]*_~$]/g, '')), 'special characters are escaped');
      assert.ok(!/[<>\n\r]/.test(escaped));
    }),
  );
  assert.equal(mdText('a|b [c](d) *e*'), 'a\\|b \\[c\\](d) \\*e\\*');
});

test('terminal text has no control characters left (property)', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const clean = sanitizeTerminal(text);
      assert.ok([...clean].every((char) => {
        const code = char.codePointAt(0) ?? 0;
        return code >= 0x20 && !(code >= 0x7f && code <= 0x9f);
      }));
    }),
  );
});

test('wrap keeps every line within the width and every word in order (property)', () => {
  const words = fc.array(fc.stringMatching(/^[a-z]{1,18}$/), { maxLength: 40 });
  fc.assert(
    fc.property(words, fc.integer({ min: 20, max: 120 }), (list, width) => {
      const lines = wrap(list.join(' '), width, '  ');
      assert.ok(lines.every((line) => line.length <= width && line.startsWith('  ')));
      assert.equal(lines.map((line) => line.slice(2)).join(' '), list.join(' '));
    }),
  );
});

test('wrap splits a word longer than a line instead of overflowing', () => {
  assert.deepEqual(wrap(`${'a'.repeat(30)} bb`, 20, '  '), [`  ${'a'.repeat(18)}`, `  ${'a'.repeat(12)} bb`]);
});
