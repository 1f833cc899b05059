import type { ColumnRequest, EvaluationExtras, RowBatch } from '../../readers/index.ts';
import { createProxyProfile, type FeatureValues, type ProxyProfile } from '../../stats/explain/index.ts';
import { createRandom, deriveSeed } from '../../stats/random.ts';
import { AttributionLockstep, type AttributionFileSpec, type AttributionReadResult } from './attribution-lockstep.ts';
import type { Instance } from './endpoint-protocol.ts';

export interface ExplainPassSpec {
  /** The model's features in endpoint order, each read as number or category. */
  readonly features: readonly { readonly name: string; readonly kind: 'number' | 'category' }[];
  readonly sensitive: readonly string[];
  /** Rows to keep for the flip test (0: none are kept). */
  readonly sample: number;
  readonly seed: number;
  /** An attributions file to read in lockstep with this pass (its rows aligned with the evaluation's). */
  readonly attributions?: AttributionInput;
}

/** The attributions file of a check and how its rows align with the evaluation file's. */
export interface AttributionInput {
  readonly file: AttributionFileSpec & { readonly features: readonly string[] };
  /** The evaluation file, for messages. */
  readonly evaluationPath: string;
  /** Row id column of the evaluation file; default the attributions' idColumn. */
  readonly evaluationIdColumn?: string;
}

/** What the evaluation pass collected for explainability: the proxy profile and a seeded sample of rows. */
export interface ExplainPass {
  readonly extras: EvaluationExtras;
  readonly profile: ProxyProfile;
  /** The sampled rows as the endpoint takes them (feature order), in file order. */
  sampled(): Instance[];
  /** The attribution profile read in lockstep (undefined without an attributions file); after the pass ended. */
  attributions(): AttributionReadResult | undefined;
}

/**
 * The explainability part of the evaluation's single pass. Each batch of the evaluation file, with the feature
 * columns decoded alongside, feeds (1) the proxy profile of every feature that is not itself a sensitive column
 * against every sensitive column, and (2) when a flip test will run, a reservoir sample (Algorithm R, seeded) of the
 * rows whose every feature is present — so the black-box test costs memory for `sample` rows, never for the file —
 * and (3) with an attributions file, the attribution profile: the attributions file is read in lockstep with these
 * batches, which already carry the sensitive columns, so the evaluation file is read once for everything.
 */
export function explainPass(spec: ExplainPassSpec): ExplainPass {
  const sensitive = new Set(spec.sensitive);
  const proxyFeatures = spec.features.filter((feature) => !sensitive.has(feature.name));
  const profile = createProxyProfile({ features: proxyFeatures, sensitive: spec.sensitive });
  const reservoir: { index: number; row: Instance }[] = [];
  const random = createRandom(deriveSeed(spec.seed, 'flip-reservoir'));
  let eligible = 0;
  // A sensitive column is read as a category by the evaluation reader, whatever kind the feature is declared.
  const columns: ColumnRequest[] = spec.features.map((f) => ({ name: f.name, kind: sensitive.has(f.name) ? 'category' : f.kind }));
  const input = spec.attributions;
  const lockstep =
    input === undefined
      ? undefined
      : new AttributionLockstep(input.file, { path: input.evaluationPath, sensitive: spec.sensitive, ...(input.evaluationIdColumn === undefined ? {} : { idColumn: input.evaluationIdColumn }) });
  for (const request of lockstep?.evaluationColumns ?? []) if (!columns.some((c) => c.name === request.name)) columns.push(request);
  let attributions: AttributionReadResult | undefined;

  const profileRows = (batch: RowBatch): void => {
    if (proxyFeatures.length > 0 && spec.sensitive.length > 0) {
      const groups = spec.sensitive.map((name) => categoryOf(batch, name));
      profile.add({
        rows: batch.rows,
        features: proxyFeatures.map((feature): FeatureValues => {
          const column = batch.columns.get(feature.name);
          if (column?.kind === 'number') return { kind: 'number', values: column.values };
          const c = categoryOf(batch, feature.name);
          return { kind: 'category', codes: c.codes, dictionary: c.dictionary };
        }),
        groups: groups.map((c) => c.codes),
        groupValues: groups.map((c) => c.dictionary),
      });
    }
    if (spec.sample === 0) return;
    // Only rows that enter the reservoir are built as instances: checking a row allocates nothing.
    for (let row = 0; row < batch.rows; row++) {
      if (!complete(batch, row, spec.features)) continue;
      if (reservoir.length < spec.sample) reservoir.push({ index: eligible, row: instanceOf(batch, row, spec.features) });
      else {
        const j = Math.floor(random.nextDouble() * (eligible + 1));
        if (j < spec.sample) reservoir[j] = { index: eligible, row: instanceOf(batch, row, spec.features) };
      }
      eligible++;
    }
  };
  const extras: EvaluationExtras =
    lockstep === undefined
      ? { columns, onRows: profileRows }
      : {
          columns,
          onRows: (batch) => {
            // The attributions file's next batch is asked for first, so its reader parses while this batch is profiled.
            const pending = lockstep.add(batch);
            pending.catch(() => undefined); // observed by the reader's await; not left unhandled if profiling throws first
            profileRows(batch);
            return pending;
          },
          onEnd: async () => {
            attributions = await lockstep.finish();
          },
          onClose: () => lockstep.close(),
        };
  return {
    extras,
    profile,
    sampled: () => [...reservoir].sort((a, b) => a.index - b.index).map((entry) => entry.row),
    attributions: () => attributions,
  };
}

/**
 * Whether every feature of the row is present (rows missing one are not sent). A sensitive column the model takes as
 * a number (e.g. sex encoded 0/1) is read as a category and must hold a finite number.
 */
function complete(batch: RowBatch, row: number, features: ExplainPassSpec['features']): boolean {
  for (const feature of features) {
    const column = batch.columns.get(feature.name);
    if (column === undefined) return false;
    if (column.kind === 'number') {
      if (!Number.isFinite(column.values[row] as number)) return false;
      continue;
    }
    const code = column.codes[row] as number;
    if (code < 0) return false;
    if (feature.kind === 'number') {
      const text = column.dictionary[code] as string;
      if (text.trim() === '' || !Number.isFinite(Number(text))) return false;
    }
  }
  return true;
}

/** One complete row's feature values in endpoint order (numbers as numbers, categories as their text). */
function instanceOf(batch: RowBatch, row: number, features: ExplainPassSpec['features']): Instance {
  return features.map((feature) => {
    const column = batch.columns.get(feature.name);
    if (column?.kind === 'number') return column.values[row] as number;
    const category = categoryOf(batch, feature.name);
    const text = category.dictionary[category.codes[row] as number] as string;
    return feature.kind === 'number' ? Number(text) : text;
  });
}

function categoryOf(batch: RowBatch, name: string): { codes: Int32Array; dictionary: readonly string[] } {
  const column = batch.columns.get(name);
  if (column?.kind !== 'category') throw new TypeError(`column "${name}" was not read as categories`);
  return column;
}
