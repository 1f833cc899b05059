/**
 * The commands the release-gate benchmark measures, side by side on the same files. Every path is relative to the
 * repository root (the children run there), so the commands printed in BENCHMARKS.md reproduce as they are.
 */
export type CaseId = 'bare-csv' | 'bare-parquet' | 'check-csv' | 'check-parquet' | 'peer' | 'peer-bootstrap';

export interface BenchCase {
  readonly id: CaseId;
  readonly label: string;
  readonly input: 'CSV' | 'Parquet';
  readonly command: readonly string[];
  /** Exit codes meaning "ran to the end" (the check exits 1 when an error-severity rule fails, which is expected). */
  readonly okExitCodes: readonly number[];
  /** A file the command must (re)write; it is deleted before the run so a stale one is never taken for a result. */
  readonly output?: string;
}

export interface CaseFiles {
  readonly csv: string;
  readonly parquet: string;
  readonly baselineCsv: string;
  readonly baselineParquet: string;
  readonly policy: string;
  readonly outDir: string;
}

export function benchCases(files: CaseFiles, python: string, peerReplicates: number): BenchCase[] {
  const bare = (data: string, baseline: string): string[] => ['node', 'bench/bare-read.mjs', '--data', data, '--data', baseline];
  const check = (data: string, baseline: string, output: string): string[] => [
    'node', 'bin/steward.js', 'check', '--policy', files.policy, '--data', data, '--baseline', baseline, '--format', `json=${output}`,
  ];
  const peer = (output: string, replicates: number): string[] => [
    python, 'bench/peers/pandas_check.py', '--data', files.csv, '--baseline', files.baselineCsv,
    '--replicates', String(replicates), '--out', output,
  ];
  const cases: BenchCase[] = [
    { id: 'bare-csv', label: 'bare read: our reader, 6 columns, evaluation + baseline', input: 'CSV', command: bare(files.csv, files.baselineCsv), okExitCodes: [0] },
    { id: 'bare-parquet', label: 'bare read: our reader, 6 columns, evaluation + baseline', input: 'Parquet', command: bare(files.parquet, files.baselineParquet), okExitCodes: [0] },
    {
      id: 'check-csv',
      label: '`steward check`: all rules, bootstrap intervals, baseline',
      input: 'CSV',
      command: check(files.csv, files.baselineCsv, `${files.outDir}/check-csv.json`),
      okExitCodes: [0, 1],
      output: `${files.outDir}/check-csv.json`,
    },
    {
      id: 'check-parquet',
      label: '`steward check`: all rules, bootstrap intervals, baseline',
      input: 'Parquet',
      command: check(files.parquet, files.baselineParquet, `${files.outDir}/check-parquet.json`),
      okExitCodes: [0, 1],
      output: `${files.outDir}/check-parquet.json`,
    },
    {
      id: 'peer',
      label: 'pandas + scikit-learn peer, point estimates, baseline',
      input: 'CSV',
      command: peer(`${files.outDir}/peer.json`, 0),
      okExitCodes: [0],
      output: `${files.outDir}/peer.json`,
    },
  ];
  if (peerReplicates > 0) {
    cases.push({
      id: 'peer-bootstrap',
      label: `pandas peer + row bootstrap, ${peerReplicates} replicate${peerReplicates === 1 ? '' : 's'}`,
      input: 'CSV',
      command: peer(`${files.outDir}/peer-bootstrap.json`, peerReplicates),
      okExitCodes: [0],
      output: `${files.outDir}/peer-bootstrap.json`,
    });
  }
  return cases;
}
