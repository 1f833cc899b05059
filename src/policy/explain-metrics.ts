import type { ExplainMetricInfo } from './types-explain.ts';

/**
 * The `explain.*` metrics a metric rule may bound, with the input each needs and its formula (docs/explainability.md).
 * They are evaluated exactly like the slice metrics: min/max, scope overall or every_group (each sensitive column's
 * groups; intersections are not computed), fail_on interval where the value has an interval (the flip rate's Wilson
 * interval), min_group_size on the group's rows.
 */
export const explainMetrics: readonly ExplainMetricInfo[] = [
  { name: 'explain.protected_share', needs: 'attributions', perGroup: true, description: 'Σ share of attribution over the protected features, share_f = Σ|a_f| / Σ_f′ Σ|a_f′|' },
  { name: 'explain.proxy_share', needs: 'attributions', perGroup: true, description: 'Σ share of attribution over the declared and detected proxies' },
  { name: 'explain.coverage', needs: 'attributions', perGroup: true, description: 'rows with every attribution finite / rows' },
  { name: 'explain.attribution_disparity', needs: 'attributions', perGroup: false, description: 'max over sensitive columns and features of max_g share_f(g) − min_g share_f(g)' },
  { name: 'explain.top_k_overlap', needs: 'importance_baseline', perGroup: false, description: '|top_k(importance) ∩ top_k(baseline importance)| / k' },
  { name: 'explain.spearman', needs: 'importance_baseline', perGroup: false, description: "Spearman's ρ between the importance and the baseline importance" },
  { name: 'explain.kendall_tau', needs: 'importance_baseline', perGroup: false, description: "Kendall's τ-b between the importance and the baseline importance" },
  { name: 'explain.flip_rate', needs: 'endpoint', perGroup: true, description: 'rows whose decision changes when the sensitive attribute (and proxies) are swapped / rows tested (Wilson interval)' },
];

export function explainMetric(name: string): ExplainMetricInfo | undefined {
  return explainMetrics.find((info) => info.name === name);
}

/** What the check needs to compute a metric, in words, for insufficient-evidence messages. */
export const needPhrase: Readonly<Record<ExplainMetricInfo['needs'], string>> = {
  attributions: 'an attributions file (explain.attributions or --attributions)',
  importance_baseline: 'a baseline importance file (explain.importance_baseline or --importance-baseline)',
  endpoint: 'a model endpoint (explain.endpoint.url or --endpoint)',
};
