import { digestOf, fail, type Digest } from '../core/index.ts';
import { readUserFile } from './load-policy.ts';
import { parseYaml } from './yaml-source.ts';

export interface ModelCard {
  /** The card as plain data; documentation rules resolve dotted paths into it. */
  readonly value: Readonly<Record<string, unknown>>;
  /** sha256 of the file bytes, recorded in the verdict's inputs. */
  readonly digest: Digest;
}

/** Reads a model card written in YAML or JSON (JSON is YAML); its top level must be a map. */
export async function loadModelCard(file: string): Promise<ModelCard> {
  const bytes = await readUserFile(file);
  const source = parseYaml(file, new TextDecoder('utf-8').decode(bytes));
  const value = source.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail('POLICY_INVALID_FIELD', `the model card ${file} is not a map of fields`, { location: source.at([]), expected: 'a YAML or JSON object at the top level' });
  }
  return { value: value as Record<string, unknown>, digest: digestOf(bytes) };
}
