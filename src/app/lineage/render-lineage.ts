import { describeEvent, shortDigest } from './describe-event.ts';
import type { Lineage } from './lineage.ts';

/** The lineage as a text tree: upstream (run, code, datasets) and downstream (verdicts, approvals, deployments, in log order). */
export function lineageText(lineage: Lineage): string {
  const { record } = lineage;
  const lines = [`${lineage.model}@${lineage.version}  artifact ${record.event.artifact.digest}  (#${record.index}, ${record.event.recordedAt})`];
  lines.push('├─ upstream');
  const upstream: string[] = [];
  if (lineage.runId !== undefined) {
    upstream.push(lineage.run === undefined ? `run ${lineage.runId} (not recorded)` : `run ${lineage.runId}  (#${lineage.run.index}, ${lineage.run.event.recordedAt})`);
  }
  if (lineage.code?.commit !== undefined) upstream.push(`code ${lineage.code.repository ?? ''}${lineage.code.repository === undefined ? '' : '@'}${lineage.code.commit}`);
  for (const dataset of lineage.datasets) {
    const detail = dataset.record === undefined ? `${shortDigest(dataset.digest)} (not recorded)` : `${describeEvent(dataset.record.event)}  (#${dataset.record.index})`;
    upstream.push(`dataset ${dataset.name}  ${detail}`);
    for (const { index, event } of dataset.checks) {
      upstream.push(`  data check ${event.outcome} · policy ${event.policy.name}  (#${index}, ${event.recordedAt})`);
    }
  }
  if (upstream.length === 0) upstream.push('(nothing recorded)');
  upstream.forEach((line, i) => lines.push(`│  ${i === upstream.length - 1 ? '└─' : '├─'} ${line}`));
  lines.push('└─ downstream');
  const downstream = [
    ...lineage.verdicts.map(({ index, event }) => ({ index, line: `verdict ${describeEvent(event)}  ${shortDigest(event.verdictDigest)}  (#${index}, ${event.recordedAt})` })),
    ...lineage.deployments.map(({ index, event }) => ({ index, line: `deployment → ${event.environment}  (#${index}, ${event.recordedAt})` })),
    ...lineage.approvals.map(({ index, event }) => ({ index, line: `approval ${describeEvent(event)}  (#${index}, ${event.recordedAt})` })),
  ]
    .sort((a, b) => a.index - b.index)
    .map((entry) => entry.line);
  if (downstream.length === 0) downstream.push('(nothing recorded)');
  downstream.forEach((line, i) => lines.push(`   ${i === downstream.length - 1 ? '└─' : '├─'} ${line}`));
  return `${lines.join('\n')}\n`;
}

/**
 * A Mermaid node label of one or more lines: quotes and angle brackets of each line become Mermaid entity codes, so
 * any recorded name is safe inside `["…"]`; lines are joined with `<br/>`.
 */
function label(...lines: string[]): string {
  return `"${lines.map((line) => line.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;')).join('<br/>')}"`;
}

/** The lineage as a Mermaid flowchart (left to right: datasets and code → run → version → verdicts, approvals, deployments). */
export function lineageMermaid(lineage: Lineage): string {
  const lines = ['flowchart LR', `  version[${label(`${lineage.model}@${lineage.version}`, shortDigest(lineage.record.event.artifact.digest))}]`];
  const into = lineage.runId === undefined ? 'version' : 'run';
  if (lineage.runId !== undefined) {
    lines.push(`  run[${label(`run ${lineage.runId}`)}]`, '  run --> version');
  }
  if (lineage.code?.commit !== undefined) lines.push(`  code[${label(`commit ${lineage.code.commit}`)}]`, `  code --> ${into}`);
  lineage.datasets.forEach((dataset, i) => {
    lines.push(`  dataset${i}[(${label(dataset.name, shortDigest(dataset.digest))})]`, `  dataset${i} --> ${into}`);
    dataset.checks.forEach(({ event }, j) =>
      lines.push(`  datacheck${i}_${j}{{${label(`data check ${event.outcome}`, event.policy.name)}}}`, `  dataset${i} --> datacheck${i}_${j}`),
    );
  });
  lineage.verdicts.forEach(({ event }, i) => lines.push(`  verdict${i}{{${label(`verdict ${event.outcome}`, event.policy.name)}}}`, `  version --> verdict${i}`));
  // An approval that names its verdict hangs off that verdict (what was approved); one that names none off the version.
  const verdictNode = new Map(lineage.verdicts.map(({ index }, i) => [index, `verdict${i}`]));
  lineage.approvals.forEach(({ event }, i) => {
    const from = (event.verdict === undefined ? undefined : verdictNode.get(event.verdict)) ?? 'version';
    lines.push(`  approval${i}>${label(`${event.decision} by ${event.approver}`, event.recordedAt)}]`, `  ${from} --> approval${i}`);
  });
  lineage.deployments.forEach(({ event }, i) => lines.push(`  deploy${i}[/${label(event.environment, event.recordedAt)}/]`, `  version --> deploy${i}`));
  return `${lines.join('\n')}\n`;
}

/** The lineage as JSON: the records with their log indexes, so each can be proved with an inclusion proof. */
export function lineageJson(lineage: Lineage): unknown {
  return {
    model: lineage.model,
    version: lineage.version,
    record: lineage.record,
    upstream: {
      ...(lineage.runId === undefined ? {} : { runId: lineage.runId }),
      ...(lineage.run === undefined ? {} : { run: lineage.run }),
      ...(lineage.code === undefined ? {} : { code: lineage.code }),
      datasets: lineage.datasets,
    },
    downstream: { verdicts: lineage.verdicts, deployments: lineage.deployments, approvals: lineage.approvals },
  };
}
