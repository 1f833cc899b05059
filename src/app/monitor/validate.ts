import type { Problem } from '../../core/index.ts';
import { validateMonitorFile } from '../../policy/monitor/index.ts';

/** `steward monitor validate`: every problem of each monitor file (an empty list = valid), file by file. */
export async function validateMonitors(files: readonly string[]): Promise<{ file: string; problems: Problem[] }[]> {
  const results: { file: string; problems: Problem[] }[] = [];
  for (const file of files) results.push({ file, problems: await validateMonitorFile(file) });
  return results;
}
