import type { CodeSpec } from './types.ts';

/** Codes of policy, waiver and model-card parsing and validation. */
export const policyCodes = {
  POLICY_YAML_SYNTAX: { category: 'input', summary: 'The policy (or waivers, model card) file is not valid YAML; the error gives line and column.' },
  POLICY_INVALID_FIELD: { category: 'input', summary: 'A policy field is missing, unknown, or of the wrong type; the error gives the path and what was expected.' },
  POLICY_UNKNOWN_METRIC: { category: 'input', summary: 'A rule names a metric Steward does not compute; the error suggests the closest name.' },
  POLICY_UNKNOWN_PACK: { category: 'input', summary: '`extends:` names a built-in pack that does not exist.' },
  POLICY_DUPLICATE_RULE: { category: 'input', summary: 'Two rules (after `extends:` packs are merged) have the same id.' },
  POLICY_CEL_SYNTAX: { category: 'input', summary: 'A CEL expression does not parse; the error gives the position inside the expression.' },
  POLICY_CEL_TYPE: { category: 'input', summary: 'A CEL expression does not type-check against the metrics it can see, or does not return a bool.' },
  POLICY_UNKNOWN_COLUMN: { category: 'input', summary: 'A rule names a sensitive column that the policy does not declare.' },
  POLICY_BASELINE_REQUIRED: { category: 'usage', summary: 'The policy has a baseline rule but no baseline evaluation file was given.' },
  POLICY_MODEL_CARD_REQUIRED: { category: 'usage', summary: 'The policy has a documentation rule but no model card file was given.' },
  POLICY_INVALID_WAIVER: { category: 'input', summary: 'A waiver entry is missing a mandatory field (rule, model, owner, approver, ticket, justification, expires).' },
  POLICY_TEST_FAILED: { category: 'input', summary: 'A `steward policy test` case did not produce the expected findings.' },
} as const satisfies Record<string, CodeSpec>;
