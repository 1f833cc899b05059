import type { ExplainSection, Finding, MetricsSection } from '../../../core/index.ts';
import { explainMetric, needPhrase } from '../../explain-metrics.ts';
import type { MetricRule, PolicySettings } from '../../types.ts';
import { evaluateMetricRule } from '../metric-rule.ts';
import { humanName } from '../bounds.ts';

/**
 * A metric rule over an `explain.*` metric: evaluated as a slice metric rule over the metrics with the explain metrics
 * added (explain-metrics-section.ts), with two differences. A metric whose input the check did not have is
 * insufficient evidence naming that input. min_group_size applies to the rows the value rests on (usable attribution
 * rows, or rows sent to the flip test), since that is the evidence, not the group's size in the evaluation.
 */
export function evaluateExplainMetricRule(rule: MetricRule, section: MetricsSection, explain: ExplainSection | undefined, settings: PolicySettings): Finding[] {
  const info = explainMetric(rule.metric);
  // Present when the check had the input, or when the metrics already carry it (a policy test's fixture).
  const inSection = [section.overall, ...section.groups].some((slice) => slice.metrics[rule.metric] !== undefined);
  const hadInput = info?.needs === 'attributions' ? explain?.attributions !== undefined : info?.needs === 'importance_baseline' ? explain?.stability !== undefined : explain?.flips !== undefined;
  const present = inSection || hadInput;
  return evaluateMetricRule(rule, section, settings).map((finding): Finding => {
    const formula = info?.description ?? finding.formula;
    if (!present && info !== undefined) {
      return { ...finding, formula: formula ?? rule.metric, status: 'insufficient_evidence', value: null, message: `${humanName(rule.metric)} needs ${needPhrase[info.needs]}, and the check had none, so the rule cannot be decided` };
    }
    const n = finding.n ?? 0;
    if (finding.group !== undefined && finding.status !== 'insufficient_evidence' && n < settings.minGroupSize) {
      return {
        ...finding,
        ...(formula === undefined ? {} : { formula }),
        status: 'insufficient_evidence',
        evidence: { ...finding.evidence, min_group_size: settings.minGroupSize },
        message: `${humanName(rule.metric)} of ${finding.group} rests on ${n} rows, fewer than min_group_size ${settings.minGroupSize}, so the rule cannot be decided`,
      };
    }
    return { ...finding, ...(formula === undefined ? {} : { formula }) };
  });
}
