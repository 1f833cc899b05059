/**
 * Explainability use cases: reading attribution and importance files aligned with the evaluation, and black-box
 * tests against a served model. The policy wiring of `steward check` calls these.
 */
export { readAttributionProfile, type AttributionFileSpec, type AttributionReadResult, type EvaluationRowsSpec } from './attributions.ts';
export { readGlobalImportance, importanceOf, type ImportanceFileSpec } from './importance-file.ts';
export { createModelClient, type ModelClient } from './endpoint.ts';
export { redactUrl, type EndpointOptions, type EndpointProtocol } from './endpoint-options.ts';
export type { Instance } from './endpoint-protocol.ts';
export { runFlipTest, type FlipGroup, type FlipRate, type FlipTestOptions, type FlipTestResult } from './flip-test.ts';
export { permutationImportance, type FeaturePermutation, type PermutationOptions, type PermutationResult } from './permutation.ts';
export { modelMetric, type PermutationMetric } from './model-metric.ts';
export { sampleIndices } from './sample.ts';
