import { shortDigest } from './describe-event.ts';
import type { StateAt } from './state.ts';

/** `steward state` as text: deployments, policies and waivers in force at the instant. */
export function stateText(state: StateAt): string {
  const lines = [`State at ${state.at} (${state.events} events replayed)`, '', 'Deployments:'];
  if (state.deployments.length === 0) lines.push('  (none)');
  for (const d of state.deployments) lines.push(`  ${d.environment}: ${d.model}@${d.version}  since ${d.since} (#${d.index})`);
  lines.push('', 'Policies:');
  if (state.policies.length === 0) lines.push('  (none)');
  for (const p of state.policies) lines.push(`  ${p.name}: ${shortDigest(p.digest)}  published ${p.since} (#${p.index})`);
  lines.push('', 'Waivers in force:');
  if (state.waivers.length === 0) lines.push('  (none)');
  for (const w of state.waivers) lines.push(`  ${w.model} ${w.rule}: ${w.ticket}, owner ${w.owner}, approved by ${w.approver}, expires ${w.expires} (#${w.index})`);
  return `${lines.join('\n')}\n`;
}
