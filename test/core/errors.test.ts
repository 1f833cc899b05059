import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codes, describeProblem, didYouMean, fail, formatLocation, isStewardError, StewardError } from '../../src/core/index.ts';

test('a StewardError carries its problem and reads as file:line:col CODE message (expected; hint)', () => {
  try {
    fail('INPUT_MISSING_COLUMN', 'column "scor" is not in the header', {
      location: { file: 'eval.csv', line: 1, column: 9 },
      expected: 'one of: y_true, score',
      hint: 'did you mean "score"?',
    });
  } catch (error) {
    assert.ok(isStewardError(error));
    assert.equal(error.code, 'INPUT_MISSING_COLUMN');
    assert.equal(error.category, 'input');
    assert.equal(
      error.message,
      'eval.csv:1:9: INPUT_MISSING_COLUMN column "scor" is not in the header (expected one of: y_true, score; did you mean "score"?)',
    );
    return;
  }
  assert.fail('fail() must throw');
});

test('locations print the parts that are known', () => {
  assert.equal(formatLocation({ file: 'p.yaml', line: 3 }), 'p.yaml:3');
  assert.equal(formatLocation({ path: 'rules[1].min' }), 'rules[1].min');
  assert.equal(formatLocation({ file: 'p.yaml', line: 3, column: 5, path: 'rules[1]' }), 'p.yaml:3:5 (rules[1])');
  assert.equal(describeProblem({ code: 'INTERNAL_INVARIANT', message: 'x' }), 'INTERNAL_INVARIANT x');
});

test('every code has a category that maps to an exit code and a one-sentence summary', () => {
  for (const [code, spec] of Object.entries(codes)) {
    assert.match(code, /^[A-Z]+(_[A-Z0-9]+)+$/, code);
    assert.ok(['usage', 'input', 'internal'].includes(spec.category), code);
    assert.ok(spec.summary.length > 10 && spec.summary.endsWith('.'), code);
  }
  assert.equal(new StewardError({ code: 'INTERNAL_INVARIANT', message: 'x' }).category, 'internal');
});

test('did-you-mean suggests close names only', () => {
  assert.equal(didYouMean('scor', ['y_true', 'score', 'race']), 'did you mean "score"?');
  assert.equal(didYouMean('RACE', ['y_true', 'score', 'race']), 'did you mean "race"?');
  assert.equal(didYouMean('completely_different', ['y_true', 'score']), undefined);
});
