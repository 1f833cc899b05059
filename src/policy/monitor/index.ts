/** Monitor documents (`kind: Monitor`): YAML + CEL like policies, validated with line:column problems. */
export { analyzeMonitor } from './analyze-monitor.ts';
export { loadMonitor, validateMonitorFile } from './load-monitor.ts';
export { monitorJsonSchemaText, monitorSchemaPath } from './json-schema.ts';
export { monitorSchema } from './schema-monitor.ts';
export { runMonitorExpression, type MonitorCelVariables } from './cel-monitor.ts';
export { parseDuration } from './duration.ts';
export type * from './types.ts';
