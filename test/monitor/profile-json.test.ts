import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import { profileFromJson, profileToJson } from '../../src/app/monitor/index.ts';
import { CategoricalProfile, columnDrift, NumericProfile } from '../../src/stats/drift/index.ts';

const values = fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(Number.NaN)), { minLength: 0, maxLength: 300 });

test('a numeric profile read back from its JSON gives the same JSON and the same statistics, exact or histogram', () => {
  fc.assert(
    fc.property(values, values, fc.integer({ min: 0, max: 50 }), (a, b, cap) => {
      const reference = new NumericProfile({ exactCap: cap }).add(a);
      const current = new NumericProfile().add(b);
      const json = profileToJson(reference);
      const restored = profileFromJson(JSON.parse(JSON.stringify(json)), 'p');
      // compared as JSON text: the file is JSON, where -0 is written 0
      assert.equal(JSON.stringify(profileToJson(restored)), JSON.stringify(json));
      assert.equal(restored.kind === 'numeric' && restored.exact, reference.exact);
      const before = columnDrift(reference, current, { tests: ['psi', 'jensen_shannon', 'ks', 'wasserstein'] });
      const after = columnDrift(restored, current, { tests: ['psi', 'jensen_shannon', 'ks', 'wasserstein'] });
      assert.deepEqual(after, before);
    }),
    { numRuns: 400 },
  );
});

test('a categorical profile read back from its JSON keeps counts, order and missing', () => {
  fc.assert(
    fc.property(fc.array(fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'é'), { nil: null })), (items) => {
      const profile = new CategoricalProfile().addValues(items);
      const restored = profileFromJson(JSON.parse(JSON.stringify(profileToJson(profile))), 'p');
      assert.equal(restored.kind, 'categorical');
      assert.deepEqual(profileToJson(restored), profileToJson(profile));
      assert.equal(restored.missing, items.filter((item) => item === null).length);
    }),
  );
});

test('a numeric profile JSON whose keys and counts disagree is refused as an invalid reference', () => {
  const json = profileToJson(new NumericProfile({ exactCap: 0 }).add([1, 2, 3]));
  assert.throws(() => profileFromJson({ ...json, counts: [1] } as typeof json, 'columns[0].profile'), { code: 'MONITOR_INVALID_REFERENCE' });
});
