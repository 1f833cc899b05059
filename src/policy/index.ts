/** The policy stage: policy, waiver and model-card files → validated values → findings over metrics. */
export { loadPolicy, validatePolicyFile } from './load-policy.ts';
export { analyzePolicy } from './analyze-policy.ts';
export { loadWaivers } from './load-waivers.ts';
export { loadModelCard, type ModelCard } from './load-model-card.ts';
export { evaluatePolicy, type PolicyInput } from './evaluate-policy.ts';
export { outcomeOf, summarize, requiredInputs } from './outcome.ts';
export { runPolicyTests, statusFor, type PolicyTestReport, type PolicyTestCaseResult } from './policy-test.ts';
export { sectionFromFixture, type FixtureMetrics, type FixtureSlice } from './fixtures.ts';
export { packs, packNames } from './packs.ts';
export { disparityKey } from './cel.ts';
export { policyJsonSchema, policyJsonSchemaText, policySchemaPath } from './json-schema.ts';
export { policySchema, ruleSchema } from './schema-policy.ts';
export { waiversFileSchema, waiverSchema } from './schema-waiver.ts';
export { policyTestFileSchema } from './schema-policy-test.ts';
export { expiresAt } from './eval/waivers.ts';
export type * from './types.ts';
export { defaultSettings } from './types.ts';
