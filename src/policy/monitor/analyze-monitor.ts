import { dirname, resolve } from 'node:path';
import { defined, digestOf, type Problem, type Severity } from '../../core/index.ts';
import { DEFAULT_THRESHOLDS } from '../../stats/drift/index.ts';
import { parseYaml, type YamlSource } from '../yaml-source.ts';
import { issuesToProblems } from '../zod-issues.ts';
import { checkMonitorExpression } from './cel-monitor.ts';
import { parseDuration } from './duration.ts';
import { monitorSchema, type MonitorDocument } from './schema-monitor.ts';
import type { LabelMetricRule, Monitor, MonitorWindow, MonitorColumn, MonitorExpressionRule, NotifyTarget, RetrainTrigger } from './types.ts';

const PAGERDUTY_URL = 'https://events.pagerduty.com/v2/enqueue';

/**
 * The whole of monitor validation, collecting every problem: YAML syntax, shape (zod, located at line:column), then
 * meaning (duplicate rule ids, CEL syntax and types, label rules naming undeclared sensitive columns). Returns the
 * monitor, defaults applied, only when there is no problem.
 */
export function analyzeMonitor(file: string, bytes: Uint8Array): { monitor?: Monitor; problems: Problem[] } {
  const source = parseYaml(file, new TextDecoder('utf-8').decode(bytes));
  const parsed = monitorSchema.safeParse(source.value ?? {});
  if (!parsed.success) return { problems: issuesToProblems(parsed.error.issues, source, monitorSchema, 'MONITOR_INVALID_FIELD') };
  const doc = parsed.data;
  const problems: Problem[] = [];
  const thresholds: Monitor['thresholds'] = { ...DEFAULT_THRESHOLDS, ...defined(doc.statistics?.thresholds ?? {}) };
  const driftSeverity: Severity = doc.statistics?.severity ?? 'warn';
  const rules = expressionRules(doc, source, problems);
  const labels = doc.labels === undefined ? undefined : labelRules(doc.labels, source, problems);
  checkUniqueIds([...rules, ...(labels?.metrics ?? [])], problems);
  if (problems.length > 0) return { problems };
  const alerting = doc.alerting ?? {};
  const monitor: Monitor = {
    name: doc.metadata.name,
    ...(doc.metadata.description === undefined ? {} : { description: doc.metadata.description }),
    file,
    digest: digestOf(bytes),
    model: doc.model,
    ...(doc.window === undefined ? {} : { window: windowOf(doc.window) }),
    ...(doc.reference === undefined ? {} : { reference: resolve(dirname(file), doc.reference) }),
    columns: doc.columns === 'infer' ? 'infer' : columnsOf(doc.columns, source, thresholds, driftSeverity),
    bins: doc.statistics?.bins ?? 10,
    thresholds,
    ...(doc.statistics?.learn === undefined ? {} : { learn: { chunkRows: doc.statistics.learn.chunk_rows, k: doc.statistics.learn.k ?? 3 } }),
    ...(doc.statistics?.fdr === undefined ? {} : { fdr: doc.statistics.fdr }),
    driftSeverity,
    missingRate: { maxChange: doc.missing_rate?.max_change ?? 0.05, level: doc.missing_rate?.level ?? 0.05, severity: doc.missing_rate?.severity ?? 'warn' },
    newCategories: { maxShare: doc.new_categories?.max_share ?? 0, severity: doc.new_categories?.severity ?? 'warn' },
    datasetDrift: { share: doc.dataset_drift?.share ?? 0.5, severity: doc.dataset_drift?.severity ?? 'error' },
    ...(labels === undefined ? {} : { labels }),
    rules,
    notify: (doc.notify ?? []).map(notifyTarget),
    alerting: {
      cooldownMs: alerting.cooldown === undefined ? 0 : parseDuration(alerting.cooldown),
      minSeverity: alerting.min_severity ?? 'warn',
      attempts: alerting.attempts ?? 4,
      backoffMs: alerting.backoff_ms ?? 500,
      timeoutMs: alerting.timeout_ms ?? 10_000,
      redeliveries: alerting.redeliveries ?? 5,
      redeliverAfterMs: parseDuration(alerting.redeliver_after ?? '1m'),
    },
    ...(doc.retrain === undefined ? {} : { retrain: retrainTrigger(doc.retrain) }),
    location: source.at([]),
  };
  return { monitor, problems: [] };
}

function windowOf(window: NonNullable<MonitorDocument['window']>): MonitorWindow {
  if (typeof window === 'string') return { kind: 'time', ms: parseDuration(window), text: window };
  return 'every' in window ? { kind: 'time', ms: parseDuration(window.every), text: window.every } : { kind: 'count', size: window.decisions };
}

function columnsOf(columns: Exclude<MonitorDocument['columns'], 'infer'>, source: YamlSource, thresholds: Monitor['thresholds'], severity: Severity): MonitorColumn[] {
  return Object.entries(columns).map(([name, spec]): MonitorColumn => {
    const location = source.keyAt(['columns'], name);
    if (typeof spec === 'string') return { name, type: spec, thresholds, severity, location };
    return {
      name,
      type: spec.type ?? 'infer',
      ...(spec.tests === undefined ? {} : { tests: spec.tests }),
      thresholds: { ...thresholds, ...defined(spec.thresholds ?? {}) },
      severity: spec.severity ?? severity,
      location,
    };
  });
}

function expressionRules(doc: MonitorDocument, source: YamlSource, problems: Problem[]): MonitorExpressionRule[] {
  return (doc.rules ?? []).map((rule, index) => {
    const expressionAt = (offset: number) => source.charAt(['rules', index, 'expression'], offset);
    const problem = checkMonitorExpression(rule.expression);
    if (problem !== undefined) {
      problems.push({
        code: problem.kind === 'syntax' ? 'POLICY_CEL_SYNTAX' : 'POLICY_CEL_TYPE',
        message: `rule "${rule.id}": ${problem.message}`,
        location: expressionAt(problem.index),
        expected: 'a CEL expression over columns, share, drifting and overall that returns bool',
      });
    }
    return {
      id: rule.id,
      expression: rule.expression,
      severity: rule.severity ?? 'warn',
      ...(rule.description === undefined ? {} : { description: rule.description }),
      location: source.at(['rules', index]),
      expressionAt,
    };
  });
}

function labelRules(labels: NonNullable<MonitorDocument['labels']>, source: YamlSource, problems: Problem[]): Monitor['labels'] {
  const sensitive = labels.sensitive ?? [];
  const metrics = (labels.metrics ?? []).map((rule, index): LabelMetricRule => {
    const location = source.at(['labels', 'metrics', index]);
    if (rule.grouping !== undefined && !sensitive.includes(rule.grouping)) {
      problems.push({ code: 'MONITOR_UNKNOWN_COLUMN', message: `label rule "${rule.id}" groups by "${rule.grouping}", which is not in labels.sensitive`, location: source.at(['labels', 'metrics', index, 'grouping']), expected: `one of: ${sensitive.join(', ') || '(none declared)'}` });
    }
    if (rule.min === undefined && rule.max === undefined) {
      problems.push({ code: 'MONITOR_INVALID_FIELD', message: `label rule "${rule.id}" has neither min nor max`, location, expected: 'min, max or both' });
    }
    return { id: rule.id, metric: rule.metric, ...defined({ grouping: rule.grouping, min: rule.min, max: rule.max }), severity: rule.severity ?? 'error', location };
  });
  if (labels.y_pred === undefined && labels.score === undefined) {
    problems.push({ code: 'MONITOR_INVALID_FIELD', message: 'labels needs y_pred, or score with threshold', location: source.at(['labels']), expected: 'labels.y_pred or labels.score' });
  }
  return {
    yTrue: labels.y_true,
    ...defined({ yPred: labels.y_pred, score: labels.score, threshold: labels.threshold, positiveLabel: labels.positive_label }),
    sensitive,
    minCoverage: labels.min_coverage ?? 0.8,
    metrics,
  };
}

function checkUniqueIds(rules: readonly { id: string; location: Problem['location'] }[], problems: Problem[]): void {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) problems.push({ code: 'MONITOR_INVALID_FIELD', message: `rule id "${rule.id}" is used twice`, ...(rule.location === undefined ? {} : { location: rule.location }), expected: 'a unique id' });
    seen.add(rule.id);
  }
}

function notifyTarget(target: NonNullable<MonitorDocument['notify']>[number]): NotifyTarget {
  switch (target.type) {
    case 'webhook':
      return { type: 'webhook', url: target.url, ...(target.secret_env === undefined ? {} : { secretEnv: target.secret_env }) };
    case 'slack':
      return { type: 'slack', url: target.url };
    case 'pagerduty':
      return { type: 'pagerduty', url: target.url ?? PAGERDUTY_URL, routingKeyEnv: target.routing_key_env };
  }
}

function retrainTrigger(retrain: NonNullable<MonitorDocument['retrain']>): RetrainTrigger {
  const on = retrain.on === undefined ? {} : { on: retrain.on };
  return retrain.type === 'github'
    ? { type: 'github', url: retrain.url, tokenEnv: retrain.token_env, eventType: retrain.event_type ?? 'steward-retrain', ...on }
    : { type: 'gitlab', url: retrain.url, tokenEnv: retrain.token_env, ref: retrain.ref, ...on };
}
