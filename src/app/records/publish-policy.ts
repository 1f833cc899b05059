import { readFile } from 'node:fs/promises';
import type { PolicyEvent } from '../../core/index.ts';
import { loadPolicy } from '../../policy/index.ts';
import type { Ledger } from '../ledger/types.ts';
import { appendOne, eventBase, type RecordContext, type RecordResult } from './context.ts';

/**
 * `steward policy publish`: validates the policy exactly as `steward check` loads it, then records its name, digest
 * and full text, so the rules in force at any time can be shown later. An invalid policy is refused with the
 * loader's located error and nothing is appended.
 */
export async function publishPolicy(ledger: Ledger, file: string, context: RecordContext): Promise<RecordResult<PolicyEvent>> {
  const policy = await loadPolicy(file);
  const content = await readFile(file, 'utf8');
  return appendOne(ledger, { ...eventBase(context), type: 'policy', name: policy.name, digest: policy.digest, content });
}
