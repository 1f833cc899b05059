import { fail } from '../../core/index.ts';
import { CategoricalProfile, NumericProfile, type Moments } from '../../stats/drift/index.ts';

/** A column profile as JSON: everything a NumericProfile / CategoricalProfile holds, in a deterministic order. */
export type ProfileJson =
  | {
      readonly kind: 'numeric';
      readonly exactCap: number;
      readonly missing: number;
      /** Absent when the column had no finite value (min/max would be ±Infinity, which JSON cannot hold). */
      readonly moments?: Moments;
      /** Fine-histogram buckets, ascending keys (see src/stats/drift/fine-buckets.ts) and their counts. */
      readonly keys: readonly number[];
      readonly counts: readonly number[];
      /** The raw values, ascending, while the profile is exact (≤ exactCap values). */
      readonly values?: readonly number[];
    }
  | {
      readonly kind: 'categorical';
      readonly categoryCap: number;
      readonly missing: number;
      /** [name, count] in first-seen order. */
      readonly categories: readonly (readonly [string, number])[];
    };

/** The JSON form of a profile. Deterministic: the same multiset of values gives the same JSON. */
export function profileToJson(profile: NumericProfile | CategoricalProfile): ProfileJson {
  if (profile.kind === 'categorical') return { kind: 'categorical', categoryCap: profile.categoryCap, missing: profile.missing, categories: profile.entries() };
  const { keys, counts } = profile.histogram.buckets();
  const values = profile.sortedValues();
  const { count, mean, m2, min, max } = profile.moments;
  return {
    kind: 'numeric',
    exactCap: profile.exactCap,
    missing: profile.missing,
    ...(count === 0 ? {} : { moments: { count, mean, m2, min, max } }),
    keys: Array.from(keys),
    counts: Array.from(counts),
    ...(values === undefined ? {} : { values: Array.from(values) }),
  };
}

const MISSING_BATCH = 65_536;

/**
 * Rebuilds a profile from its JSON form through the profiles' public API only: missing values are added as NaN
 * batches, histogram buckets by key, the raw values (when exact) re-added, and the moments restored as stored so the
 * statistics see the very numbers the baseline computed. A histogram profile is switched out of exact mode the way it
 * switched originally: by holding more than exactCap values.
 */
export function profileFromJson(json: ProfileJson, path: string): NumericProfile | CategoricalProfile {
  if (json.kind === 'categorical') {
    const profile = new CategoricalProfile({ categoryCap: json.categoryCap });
    for (const [name, count] of json.categories) profile.addCount(name, count);
    addMissing(json.missing, (batch) => profile.add(new Int32Array(batch.length).fill(-1), []));
    return profile;
  }
  if (json.keys.length !== json.counts.length) fail('MONITOR_INVALID_REFERENCE', `${path}: ${json.keys.length} bucket keys but ${json.counts.length} counts`, { location: { path }, expected: 'as many counts as keys' });
  const profile = new NumericProfile({ exactCap: json.exactCap });
  addMissing(json.missing, (batch) => profile.add(batch));
  if (json.values !== undefined) {
    profile.add(Float64Array.from(json.values));
  } else {
    for (let i = 0; i < json.keys.length; i++) profile.histogram.addKey(json.keys[i] as number, json.counts[i] as number);
    if (json.moments !== undefined) Object.assign(profile.moments, json.moments);
    profile.add(new Float64Array(0)); // count > exactCap now: drops the raw buffer for good
  }
  if (json.moments !== undefined) Object.assign(profile.moments, json.moments);
  if (json.values === undefined && profile.exact && profile.count > 0) fail('MONITOR_INVALID_REFERENCE', `${path}: a histogram profile with only ${profile.count} values`, { location: { path }, expected: `more than exactCap (${json.exactCap}) values, or the raw values` });
  return profile;
}

function addMissing(missing: number, add: (batch: Float64Array) => void): void {
  let left = missing;
  const nan = new Float64Array(Math.min(MISSING_BATCH, missing)).fill(Number.NaN);
  while (left > 0) {
    const size = Math.min(left, nan.length);
    add(size === nan.length ? nan : nan.subarray(0, size));
    left -= size;
  }
}
