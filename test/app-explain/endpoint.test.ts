import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createModelClient } from '../../src/app/explain/endpoint.ts';
import { backoffDelays } from '../../src/app/explain/backoff.ts';
import { StewardError, type ErrorCode } from '../../src/core/index.ts';
import { answer, FEATURES, modelHandler, score, serve, usesSex } from './model-server.ts';

const rows = Array.from({ length: 23 }, (_, i) => [20 + i, i % 2, (i + 1) % 2]);
const expected = rows.map((row) => score(usesSex, row));

const rejectsWith = (code: ErrorCode, pattern: RegExp) => (error: unknown) => {
  assert.ok(error instanceof StewardError, String(error));
  assert.equal(error.code, code);
  assert.match(error.message, pattern);
  return true;
};

test('plain JSON and Open Inference Protocol v2 requests return every prediction in order, batched', async () => {
  const server = await serve(modelHandler(usesSex));
  try {
    const json = createModelClient({ url: `${server.url}/predict`, features: FEATURES, batchSize: 5, concurrency: 3 });
    assert.deepEqual([...(await json.predict(rows))], expected);
    assert.equal(json.counters().requests, 5);
    const v2 = createModelClient({ url: `${server.url}/v2/models/m/infer`, protocol: 'v2', features: FEATURES, batchSize: 10 });
    assert.deepEqual([...(await v2.predict(rows))], expected);
    assert.equal(v2.counters().requests, 3);
  } finally {
    await server.close();
  }
});

test('the v2 request is one [N, F] tensor in row-major order, and vector outputs are picked by outputIndex', async () => {
  let seen: unknown;
  const server = await serve((body, _request, response) => {
    seen = body;
    answer(response, 200, { outputs: [{ name: 'proba', shape: [2, 2], datatype: 'FP64', data: [[0.9, 0.1], [0.2, 0.8]] }] });
  });
  try {
    const client = createModelClient({ url: server.url, protocol: 'v2', features: ['a', 'b'], outputIndex: 1 });
    assert.deepEqual([...(await client.predict([[1, 2], [3, 4]]))], [0.1, 0.8]);
    assert.deepEqual(seen, { inputs: [{ name: 'input-0', shape: [2, 2], datatype: 'FP64', data: [1, 2, 3, 4] }] });
  } finally {
    await server.close();
  }
});

test('object instances and per-feature v2 tensors carry the feature names', async () => {
  const bodies: unknown[] = [];
  const server = await serve((body, _request, response) => {
    bodies.push(body);
    answer(response, 200, body !== null && typeof body === 'object' && 'inputs' in body ? { outputs: [{ name: 'y', shape: [1], datatype: 'INT64', data: [1] }] } : { predictions: [true] });
  });
  try {
    await createModelClient({ url: server.url, features: ['age', 'city'], instanceFormat: 'object' }).predict([[30, 'Oslo']]);
    await createModelClient({ url: server.url, protocol: 'v2', v2Layout: 'columns', features: ['age', 'city'] }).predict([[30, 'Oslo']]);
    assert.deepEqual(bodies, [
      { instances: [{ age: 30, city: 'Oslo' }] },
      { inputs: [{ name: 'age', shape: [1], datatype: 'FP64', data: [30] }, { name: 'city', shape: [1], datatype: 'BYTES', data: ['Oslo'] }] },
    ]);
  } finally {
    await server.close();
  }
});

test('a server that fails twice with 503 is retried and the third answer is used', async () => {
  let calls = 0;
  const server = await serve((body, _request, response) => {
    calls++;
    if (calls <= 2) answer(response, 503, { error: 'warming up' });
    else answer(response, 200, { predictions: (body as { instances: unknown[] }).instances.map(() => 0.5) });
  });
  try {
    const client = createModelClient({ url: server.url, features: FEATURES, backoffMs: 5, retries: 3 });
    assert.deepEqual([...(await client.predict(rows.slice(0, 2)))], [0.5, 0.5]);
    assert.deepEqual(client.counters(), { requests: 3, retries: 2 });
  } finally {
    await server.close();
  }
});

test('a 4xx answer is never retried and names the URL without credentials, the batch and the status', async () => {
  let authorization: string | undefined;
  const server = await serve((_body, request, response) => {
    authorization = request.headers.authorization;
    answer(response, 400, { error: 'bad input' });
  });
  try {
    const url = server.url.replace('http://', 'http://user:secret@') + '/predict?token=abc';
    const client = createModelClient({ url, features: FEATURES, retries: 3, backoffMs: 1 });
    await assert.rejects(client.predict(rows.slice(0, 3)), (error: unknown) => {
      rejectsWith('EXPLAIN_ENDPOINT_HTTP_ERROR', /HTTP 400.*bad input/)(error);
      const message = (error as Error).message;
      assert.match(message, /\/predict\?token=… \(batch 1, rows 1–3\)/);
      assert.doesNotMatch(message, /secret|abc/);
      return true;
    });
    assert.equal(server.requests(), 1);
    assert.equal(authorization, `Basic ${Buffer.from('user:secret').toString('base64')}`, 'URL credentials travel as Basic auth');
  } finally {
    await server.close();
  }
});

test('a server that hangs times out, is retried, then is reported unreachable', async () => {
  const server = await serve(() => undefined); // never answers
  try {
    const client = createModelClient({ url: server.url, features: FEATURES, timeoutMs: 50, retries: 1, backoffMs: 1 });
    await assert.rejects(client.predict(rows.slice(0, 1)), rejectsWith('EXPLAIN_ENDPOINT_UNREACHABLE', /no answer within 50 ms.*after 2 attempts/));
    assert.equal(client.counters().requests, 2);
  } finally {
    await server.close();
  }
});

test('a closed port is reported unreachable with the system error', async () => {
  const server = await serve(() => undefined);
  const url = server.url;
  await server.close();
  const client = createModelClient({ url, features: FEATURES, retries: 0 });
  await assert.rejects(client.predict(rows.slice(0, 1)), rejectsWith('EXPLAIN_ENDPOINT_UNREACHABLE', /ECONNREFUSED/));
});

test('garbage answers are coded errors naming what is wrong, without retrying', async () => {
  const cases: [unknown, RegExp][] = [
    ['<html>oops</html>', /not JSON/],
    [{ predictions: [0.1] }, /1 predictions for 2 instances/],
    [{ predictions: [0.1, 'high'] }, /prediction 1 is "high", not a finite number/],
    [{ predictions: [[0.1, 0.9], [0.2, 0.8]] }, /vector of 2 values; set outputIndex/],
    [{ result: [] }, /no "predictions" array/],
  ];
  for (const [body, pattern] of cases) {
    const server = await serve((_body, _request, response) => answer(response, 200, body));
    try {
      const client = createModelClient({ url: server.url, features: FEATURES, retries: 2, backoffMs: 1 });
      await assert.rejects(client.predict(rows.slice(0, 2)), rejectsWith('EXPLAIN_ENDPOINT_BAD_RESPONSE', pattern));
      assert.equal(server.requests(), 1);
    } finally {
      await server.close();
    }
  }
});

test('v2 answers with a wrong shape or no outputs are bad responses', async () => {
  for (const [body, pattern] of [
    [{ outputs: [] }, /no "outputs"/],
    [{ outputs: [{ name: 'y', shape: [3], datatype: 'FP64', data: [1, 2, 3] }] }, /shape \[3\] does not start with the 2 rows/],
    [{ outputs: [{ name: 'y', shape: [2], datatype: 'BYTES', data: ['a', 'b'] }] }, /prediction 0 is "a"/],
  ] as const) {
    const server = await serve((_body, _request, response) => answer(response, 200, body));
    try {
      const client = createModelClient({ url: server.url, protocol: 'v2', features: FEATURES });
      await assert.rejects(client.predict(rows.slice(0, 2)), rejectsWith('EXPLAIN_ENDPOINT_BAD_RESPONSE', pattern));
    } finally {
      await server.close();
    }
  }
});

test('back-off waits grow exponentially within the jitter band and are the same for the same seed and batch', () => {
  const waits = backoffDelays(7, 3, 5, 100, 1000);
  [100, 200, 400, 800, 1000].forEach((nominal, i) => {
    assert.ok((waits[i] as number) >= nominal / 2 && (waits[i] as number) <= nominal, `wait ${i}`);
  });
  assert.deepEqual(backoffDelays(7, 3, 5, 100, 1000), waits);
  assert.notDeepEqual(backoffDelays(7, 4, 5, 100, 1000), waits);
});

test('invalid options are usage errors naming the option', () => {
  assert.throws(() => createModelClient({ url: 'ftp://x', features: FEATURES }), rejectsWith('EXPLAIN_INVALID_OPTION', /scheme ftp:/));
  assert.throws(() => createModelClient({ url: 'http://x', features: FEATURES, concurrency: 0 }), rejectsWith('EXPLAIN_INVALID_OPTION', /concurrency/));
  assert.throws(() => createModelClient({ url: 'http://x', features: [] }), rejectsWith('EXPLAIN_NO_FEATURES', /at least one feature/));
});
