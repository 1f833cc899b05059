import type { ExplainAssociation, ExplainSection, Finding } from '../../../core/index.ts';
import type { ProxyRule, ProxyThresholdSettings } from '../../types.ts';
import { fmt } from '../bounds.ts';
import { ruleFields, statusOf } from '../finding-base.ts';

interface Measure {
  readonly metric: string;
  readonly label: string;
  readonly value: number | null;
  readonly threshold: number | undefined;
}

/** The measures a rule gates on for one association, with their thresholds (strict: value > threshold flags). */
function measures(a: ExplainAssociation, t: ProxyThresholdSettings): Measure[] {
  return [
    t.biasCorrected
      ? { metric: 'cramers_v_corrected', label: "bias-corrected Cramér's V", value: a.cramersVCorrected, threshold: t.cramersV }
      : { metric: 'cramers_v', label: "Cramér's V", value: a.cramersV, threshold: t.cramersV },
    { metric: 'correlation_ratio', label: 'correlation ratio η', value: a.correlationRatio, threshold: t.correlationRatio },
    { metric: 'normalized_mutual_information', label: 'normalised mutual information', value: a.normalizedMutualInformation, threshold: t.normalizedMutualInformation },
  ];
}

/**
 * A proxy rule: every feature (among the top k by overall importance, when k is given and attributions were read)
 * whose association with a sensitive column exceeds a threshold is one failed finding, with the feature, the column
 * and the strength as evidence. Without attributions the ranks are unknown and every feature is tested. No flagged
 * feature: one passing finding naming the strongest association seen.
 */
export function evaluateProxyRule(rule: ProxyRule, explain: ExplainSection | undefined): Finding[] {
  const base = { ...ruleFields(rule), formula: "Cramér's V = √(χ²/n / min(r−1, c−1)); η = √(SS_between / SS_total); NMI = I(X;G) / ((H(X)+H(G))/2)" };
  const ranked = explain?.attributions !== undefined;
  const tested = (explain?.associations ?? []).filter((a) => rule.topK === undefined || !ranked || (a.importanceRank !== null && a.importanceRank <= rule.topK));
  const scope = rule.topK === undefined ? 'feature' : ranked ? `top-${rule.topK} feature` : `feature (no attributions, so every feature was tested for the top ${rule.topK})`;
  if (tested.length === 0) {
    return [{ ...base, status: 'insufficient_evidence', value: null, message: 'no feature could be tested for association with a sensitive column (explain.features lists only sensitive columns, or none was read)' }];
  }
  const findings = tested.flatMap((a): Finding[] => {
    const exceeded = measures(a, rule.thresholds).filter((m) => m.threshold !== undefined && m.value !== null && m.value > m.threshold);
    const first = exceeded[0];
    if (first === undefined) return [];
    const rank = a.importanceRank === null ? '' : ` (importance rank ${a.importanceRank})`;
    return [{
      ...base,
      status: statusOf(true, rule.severity),
      metric: first.metric,
      grouping: [a.sensitive],
      value: first.value,
      bound: { max: first.threshold as number },
      n: a.n,
      evidence: evidenceOf(a, exceeded),
      message: `${a.feature} is a proxy of ${a.sensitive}: ${exceeded.map((m) => `${m.label} ${fmt(m.value as number)} > ${fmt(m.threshold as number)}`).join(', ')}${rank}`,
    }];
  });
  if (findings.length > 0) return findings;
  const strongest = [...tested].sort((x, y) => (y.cramersV ?? 0) - (x.cramersV ?? 0))[0] as ExplainAssociation;
  return [{
    ...base,
    status: 'pass',
    metric: 'cramers_v',
    value: strongest.cramersV,
    n: tested.length,
    evidence: { tested: tested.length, strongest: evidenceOf(strongest, []) },
    message: `no ${scope} is a proxy of ${[...new Set(tested.map((a) => a.sensitive))].join(', ')} (${tested.length} feature × column pairs tested; strongest: ${strongest.feature} with ${strongest.sensitive}, Cramér's V ${strongest.cramersV === null ? 'undefined' : fmt(strongest.cramersV)})`,
  }];
}

function evidenceOf(a: ExplainAssociation, exceeded: readonly Measure[]): Record<string, unknown> {
  return {
    feature: a.feature,
    sensitive: a.sensitive,
    rows: a.n,
    cramers_v: a.cramersV,
    cramers_v_corrected: a.cramersVCorrected,
    correlation_ratio: a.correlationRatio,
    normalized_mutual_information: a.normalizedMutualInformation,
    importance_rank: a.importanceRank,
    ...(exceeded.length === 0 ? {} : { exceeded: exceeded.map((m) => m.metric) }),
  };
}
