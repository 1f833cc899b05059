import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStewardError } from '../../src/core/index.ts';
import { endpointGuard, originOf } from '../../src/server/endpoint-guard.ts';

const refusal = (run: () => void): { code: string; message: string; expected?: string; hint?: string; location?: unknown } => {
  try {
    run();
  } catch (error) {
    if (isStewardError(error)) return error.problem;
    throw error;
  }
  assert.fail('expected a refusal');
};

test('with no --allow-endpoint the server calls no endpoint, and says where the URL came from', () => {
  const guard = endpointGuard([]);
  const problem = refusal(() => guard('http://169.254.169.254/latest/meta-data', { path: 'options.explain.endpoint' }));
  assert.equal(problem.code, 'SERVER_ENDPOINT_NOT_ALLOWED');
  assert.match(problem.message, /http:\/\/169\.254\.169\.254\/latest\/meta-data/);
  assert.deepEqual(problem.location, { path: 'options.explain.endpoint' });
  assert.match(problem.expected ?? '', /without --allow-endpoint/);
  assert.match(problem.hint ?? '', /--allow-endpoint http:\/\/169\.254\.169\.254$/);
});

test('an allowed origin admits any path on it, and only that scheme, host and port', () => {
  const guard = endpointGuard(['http://Model:8080', 'https://scorer.example']);
  guard('http://model:8080/v2/models/credit/infer', { file: 'policy.yaml' });
  guard('https://scorer.example:443/predict?x=1', { file: 'policy.yaml' });
  guard('http://ops:secret@model:8080/predict', { file: 'policy.yaml' }); // credentials are not part of the origin
  for (const url of ['https://model:8080/predict', 'http://model:8081/predict', 'http://model/predict', 'http://model.evil:8080/', 'http://scorer.example/predict']) {
    const problem = refusal(() => guard(url, { file: 'policy.yaml' }));
    assert.equal(problem.code, 'SERVER_ENDPOINT_NOT_ALLOWED', url);
    assert.deepEqual(problem.location, { file: 'policy.yaml' });
    assert.equal(problem.expected, 'an endpoint at http://model:8080, https://scorer.example');
  }
});

test('the refusal shows the URL without user, password or query values', () => {
  const problem = refusal(() => endpointGuard([])('http://ops:s3cret@10.0.0.5/predict?token=abc', { path: 'options.explain.endpoint' }));
  assert.ok(!problem.message.includes('s3cret') && !problem.message.includes('abc') && !problem.message.includes('ops'), problem.message);
});

test('a URL that is not one is left to the endpoint options (EXPLAIN_INVALID_OPTION), nothing is called either way', () => {
  assert.doesNotThrow(() => endpointGuard([])('not a url', { path: 'options.explain.endpoint' }));
});

test('--allow-endpoint takes an http(s) origin only', () => {
  assert.equal(originOf('HTTP://Model:80/'), 'http://model');
  assert.equal(originOf('https://scorer.example:8443'), 'https://scorer.example:8443');
  for (const given of ['model:8080', 'ftp://model', 'http://model:8080/predict', 'http://model?x=1', 'http://u:p@model', 'nope']) {
    const problem = refusal(() => originOf(given));
    assert.equal(problem.code, 'USAGE_INVALID_ARGUMENT', given);
    assert.match(problem.message, /--allow-endpoint/);
  }
});
