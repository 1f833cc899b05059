import type { ExplainFlips } from '../../core/index.ts';
import type { ProxyReport } from '../../stats/explain/index.ts';
import type { ExplainRun } from './check-explain.ts';
import { createModelClient } from './endpoint.ts';
import { redactUrl } from './endpoint-options.ts';
import { runFlipTest } from './flip-test.ts';

/** One flip test per sensitive column the model takes as a feature; proxies swapped are the declared and detected ones. */
export async function flipTests(run: ExplainRun, url: string, report: ProxyReport): Promise<ExplainFlips> {
  const { explain, overrides, policy } = run;
  const settings = explain.endpoint;
  const protocol = overrides.endpointProtocol ?? settings.protocol;
  const features = explain.features.map((f) => f.name);
  const client = createModelClient({
    url,
    protocol: protocol === 'kserve-v2' ? 'v2' : 'json',
    features,
    seed: run.seed,
    ...(settings.instanceFormat === undefined ? {} : { instanceFormat: settings.instanceFormat }),
    ...(settings.v2Layout === undefined ? {} : { v2Layout: settings.v2Layout }),
    ...(settings.outputIndex === undefined ? {} : { outputIndex: settings.outputIndex }),
    ...(settings.batchSize === undefined ? {} : { batchSize: settings.batchSize }),
    ...(settings.concurrency === undefined ? {} : { concurrency: settings.concurrency }),
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
    ...(settings.retries === undefined ? {} : { retries: settings.retries }),
  });
  const instances = run.pass.sampled();
  const tests = [];
  for (const sensitive of policy.data.sensitive.filter((column) => features.includes(column))) {
    const detected = report.flagged.filter((a) => a.sensitive === sensitive).map((a) => a.feature);
    const proxies = settings.swapProxies ? [...new Set([...explain.proxies, ...detected])].filter((name) => name !== sensitive && !explain.protected.includes(name)) : [];
    const result = await runFlipTest({ client, instances, sensitive, proxies, threshold: settings.threshold, seed: run.seed, confidence: run.confidence });
    tests.push({
      sensitive,
      proxies: result.proxies,
      overall: result.overall,
      groups: result.groups.map((g) => ({ value: g.value, rows: g.rows, flipped: g.flipped, rate: g.rate, ...(g.interval === undefined ? {} : { interval: g.interval }) })),
      requests: result.requests,
    });
  }
  return { endpoint: redactUrl(url), protocol: protocol === 'kserve-v2' ? 'v2' : 'json', sampled: instances.length, threshold: settings.threshold, tests };
}
