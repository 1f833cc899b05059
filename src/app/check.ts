import { defined, fail, type InputRef, type Verdict } from '../core/index.ts';
import {
  evaluatePolicy,
  loadModelCard,
  loadPolicy,
  loadWaivers,
  outcomeOf,
  requiredInputs,
  summarize,
  type DataMapping,
  type Policy,
} from '../policy/index.ts';
import type { CheckRequest, ColumnOverrides } from './check-request.ts';
import { runDataCheck } from './check-data.ts';
import { evaluateFile } from './evaluate-file.ts';
import { attributionInput, completeExplain, endpointUrl, wantsFlipTest } from './explain/check-explain.ts';
import { explainPass } from './explain/evaluation-pass.ts';
import { digestFile } from './file-digest.ts';
import { sealVerdict } from './seal-verdict.ts';

/**
 * The release gate: policy → evaluation (and baseline) → metrics → findings → verdict. Everything the verdict rests
 * on is recorded in it by digest, so the same inputs give a byte-identical verdict.
 */
export async function runCheck(request: CheckRequest): Promise<Verdict> {
  const policy = await loadPolicy(request.policyFile);
  if (policy.dataset !== undefined) return runDataCheck(request, policy, modelOf(request.model, policy));
  const needs = requiredInputs(policy);
  if (needs.baseline && request.baselineFile === undefined) {
    fail('POLICY_BASELINE_REQUIRED', `policy ${policy.name} compares with a baseline, but no baseline file was given`, {
      hint: 'pass --baseline <evaluation file of the production model>',
    });
  }
  if (needs.modelCard && request.modelCardFile === undefined) {
    fail('POLICY_MODEL_CARD_REQUIRED', `policy ${policy.name} has documentation rules, but no model card was given`, {
      hint: 'pass --model-card <file.yaml|file.json>',
    });
  }
  const mapping = applyOverrides(policy.data, request.columns ?? {});
  const settings = request.seed === undefined ? policy.settings : { ...policy.settings, seed: request.seed };
  const readOptions = defined({ format: request.dataFormat, delimiter: request.delimiter, onProgress: request.onProgress });
  const explainPolicy = policy.explain;
  const overrides = request.explain ?? {};
  const flipEndpoint = explainPolicy !== undefined && wantsFlipTest(policy) ? endpointUrl(explainPolicy, overrides) : undefined;
  if (flipEndpoint !== undefined) request.guardEndpoint?.(flipEndpoint);
  // The proxy profile, the flip test's row sample and the attributions file (read in lockstep) ride the evaluation's
  // own pass (no second read of the file).
  const attributions = explainPolicy === undefined ? undefined : attributionInput({ ...policy, data: mapping }, overrides, request.dataFile);
  const pass =
    explainPolicy === undefined
      ? undefined
      : explainPass({
          features: explainPolicy.features,
          sensitive: mapping.sensitive,
          sample: flipEndpoint === undefined ? 0 : explainPolicy.endpoint.sample,
          seed: settings.seed,
          ...(attributions === undefined ? {} : { attributions }),
        });
  const current = await evaluateFile(request.dataFile, mapping, settings, { ...readOptions, ...(pass === undefined ? {} : { extras: pass.extras }) });
  const baseline =
    request.baselineFile === undefined ? undefined : await evaluateFile(request.baselineFile, mapping, settings, readOptions);
  const modelCard = request.modelCardFile === undefined ? undefined : await loadModelCard(request.modelCardFile);
  const waivers = request.waiversFile === undefined ? [] : await loadWaivers(request.waiversFile);
  const model = modelOf(request.model, policy);
  const explained =
    explainPolicy === undefined || pass === undefined
      ? undefined
      : await completeExplain({
          policy: { ...policy, data: mapping },
          explain: explainPolicy,
          overrides,
          evaluation: { file: request.dataFile, ...defined({ format: request.dataFormat, delimiter: request.delimiter }) },
          pass,
          seed: settings.seed,
          confidence: settings.confidence,
          minGroupSize: settings.minGroupSize,
        });

  const findings = evaluatePolicy(
    { ...policy, settings, ...(model === undefined ? {} : { model: model.name }) },
    {
      metrics: current.metrics,
      ...(baseline === undefined ? {} : { baseline: baseline.metrics }),
      ...(modelCard === undefined ? {} : { modelCard: modelCard.value }),
      ...(explained === undefined ? {} : { explain: explained.section }),
      waivers,
      now: request.now,
    },
  );

  const inputs: InputRef[] = [
    { role: 'policy', file: request.policyFile, digest: policy.digest },
    { role: 'evaluation', file: current.file, digest: current.digest, rows: current.rows },
  ];
  if (baseline !== undefined) inputs.push({ role: 'baseline', file: baseline.file, digest: baseline.digest, rows: baseline.rows });
  if (modelCard !== undefined && request.modelCardFile !== undefined) {
    inputs.push({ role: 'model_card', file: request.modelCardFile, digest: modelCard.digest });
  }
  if (explained !== undefined) inputs.push(...explained.inputs);
  if (request.waiversFile !== undefined) inputs.push({ role: 'waivers', file: request.waiversFile, digest: await digestFile(request.waiversFile) });

  return sealVerdict(
    {
      policy: { name: policy.name, file: request.policyFile, digest: policy.digest },
      ...(model === undefined ? {} : { model }),
      inputs,
      seed: settings.seed,
      settings: {
        confidence: settings.confidence,
        minGroupSize: settings.minGroupSize,
        failOn: settings.failOn,
        bootstrapSamples: settings.bootstrapSamples,
      },
      columns: columnsOf(mapping),
      health: current.health,
      metrics: current.metrics,
      ...(baseline === undefined ? {} : { baseline: baseline.metrics }),
      ...(explained === undefined ? {} : { explain: explained.section }),
    },
    findings,
    (list) => outcomeOf(list, settings),
    summarize,
  );
}

function applyOverrides(mapping: DataMapping, overrides: ColumnOverrides): DataMapping {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return { ...mapping, ...defined };
}

function modelOf(given: string | undefined, policy: Policy): { name: string; version?: string } | undefined {
  if (given === undefined) return policy.model === undefined ? undefined : { name: policy.model };
  const at = given.lastIndexOf('@');
  if (at <= 0) return { name: given };
  const name = given.slice(0, at);
  const version = given.slice(at + 1);
  if (version === '') fail('USAGE_INVALID_ARGUMENT', `--model ${given} has an empty version`, { expected: 'name or name@version' });
  return { name, version };
}

function columnsOf(mapping: DataMapping): Record<string, string | readonly string[]> {
  const columns: Record<string, string | readonly string[]> = { task: mapping.task, sensitive: mapping.sensitive };
  for (const [role, value] of Object.entries({
    y_true: mapping.yTrue,
    y_pred: mapping.yPred,
    score: mapping.score,
    weight: mapping.weight,
    positive_label: mapping.positiveLabel,
    threshold: mapping.threshold === undefined ? undefined : String(mapping.threshold),
  })) {
    if (value !== undefined) columns[role] = value;
  }
  return columns;
}
