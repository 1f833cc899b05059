/**
 * Monitoring benchmark: 1,000,000 current rows × 20 numeric columns against a 1,000,000-row reference, every drift
 * statistic (PSI, Jensen–Shannon, KS, Wasserstein / sd), side by side in one run with numpy/scipy (bench/monitor/
 * peer.py) on the same float64 columns; then the incremental case (a 10,000-row batch added to a 100k vs a 1M window).
 * Run from the repository root: `node bench/monitor.ts [python]` (default /usr/bin/python3, Debian's python3-scipy).
 * Writes the monitor section of BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { columnDrift, NumericProfile } from '../src/stats/drift/index.ts';
import { createRandom } from '../src/stats/random.ts';

const python = process.argv[2] ?? '/usr/bin/python3';
const ROWS = 1_000_000;
const COLUMNS = 20;
const TESTS = ['psi', 'jensen_shannon', 'ks', 'wasserstein'] as const;

function column(seed: number, shift: number, scale: number): Float64Array {
  const random = createRandom(seed);
  const values = new Float64Array(ROWS);
  for (let i = 0; i < ROWS; i++) values[i] = 50 + shift + scale * random.nextGaussian();
  return values;
}

const dir = mkdtempSync(join(tmpdir(), 'steward-bench-monitor-'));
let stewardSeconds = 0;
let currentOnlySeconds = 0;
let buckets = 0;
const ours: Record<string, number>[] = [];
try {
  for (let c = 0; c < COLUMNS; c++) {
    const ref = column(2 * c + 1, 0, 10);
    const cur = column(2 * c + 2, c % 4 === 0 ? 1 : 0, c % 5 === 0 ? 11 : 10); // a quarter shifted, a fifth wider
    writeFileSync(join(dir, `ref_${c}.f64`), new Uint8Array(ref.buffer));
    writeFileSync(join(dir, `cur_${c}.f64`), new Uint8Array(cur.buffer));
    const t0 = performance.now();
    const reference = new NumericProfile().add(ref);
    const t1 = performance.now();
    const current = new NumericProfile().add(cur);
    const result = columnDrift(reference, current, { tests: TESTS });
    const t2 = performance.now();
    stewardSeconds += (t2 - t0) / 1000;
    currentOnlySeconds += (t2 - t1) / 1000;
    buckets = Math.max(buckets, reference.histogram.buckets().keys.length, current.histogram.buckets().keys.length);
    ours.push(Object.fromEntries(result.statistics.flatMap((s) => (s.pValue === undefined ? [[s.test, s.value]] : [[s.test, s.value], [`${s.test}_p`, s.pValue]]))));
  }
  const peer = JSON.parse(execFileSync(python, [join(import.meta.dirname, 'monitor', 'peer.py'), dir, String(COLUMNS), String(ROWS)], { encoding: 'utf8', maxBuffer: 1 << 24 })) as { seconds: number; columns: Record<string, number>[] };
  const scipyVersion = execFileSync(python, ['-c', 'import scipy, numpy; print(scipy.__version__, numpy.__version__)'], { encoding: 'utf8' }).trim();
  const maxDiff = (key: string, peerKey: string) => Math.max(...ours.map((o, i) => Math.abs((o[key] ?? Number.NaN) - (peer.columns[i]?.[peerKey] ?? Number.NaN))));
  const reference = new NumericProfile().add(column(99, 0, 10));
  const batch = column(97, 0, 10).subarray(0, 10_000);
  const windows = [100_000, 1_000_000].map((size) => ({ size, profile: new NumericProfile().add(column(98, 0, 10).subarray(0, size)), add: [] as number[], stats: [] as number[] }));
  for (let k = 0; k < 41; k++) {
    for (const window of windows) {
      // interleaved, so JIT warm-up and machine load fall on both sizes alike
      const t0 = performance.now();
      window.profile.add(batch);
      const t1 = performance.now();
      columnDrift(reference, window.profile, { tests: ['psi', 'wasserstein'] });
      window.add.push(t1 - t0);
      window.stats.push(performance.now() - t1);
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1] as number;
  const incremental = windows.map((w) => ({ size: w.size, add: median(w.add), stats: median(w.stats), buckets: w.profile.histogram.buckets().keys.length }));
  const body = [
    '## Monitoring (drift statistics)',
    '',
    `Command: \`node bench/monitor.ts ${python}\` — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, peer numpy/scipy ${scipyVersion} (${python}).`,
    '',
    `${ROWS.toLocaleString('en')} current rows × ${COLUMNS} numeric columns against a ${ROWS.toLocaleString('en')}-row reference; PSI, Jensen–Shannon, KS and Wasserstein / sd on every column (a quarter of the columns shifted by 0.1 sd, a fifth 10 % wider). Data in memory (float64) on both sides, so this is statistics, not parsing.`,
    '',
    '| | seconds | vs scipy |',
    '|---|---:|---:|',
    `| Steward: profile reference + current, all statistics | ${stewardSeconds.toFixed(2)} | ${(peer.seconds / stewardSeconds).toFixed(1)}× faster |`,
    `| Steward: current side only (reference profile stored once) | ${currentOnlySeconds.toFixed(2)} | ${(peer.seconds / currentOnlySeconds).toFixed(1)}× faster |`,
    `| numpy/scipy: quantile bins, ks_2samp, wasserstein_distance, jensenshannon | ${peer.seconds.toFixed(2)} | 1× |`,
    '',
    `Agreement (max |Steward − scipy| over the columns): PSI ${maxDiff('psi', 'psi').toExponential(1)}, JS ${maxDiff('jensen_shannon', 'js').toExponential(1)}, KS D ${maxDiff('ks', 'ks').toExponential(1)}, Wasserstein/sd ${maxDiff('wasserstein', 'wasserstein').toExponential(1)} (histogram paths: bins are fine-bucket boundaries within 2^-10 of the quantiles; KS and W1 carry their reported error bounds).`,
    '',
    `Memory: a profile holds at most ${buckets.toLocaleString('en')} fine buckets (${((buckets * 8) / 1024).toFixed(0)} KiB) whatever the row count; no raw values beyond the 10,000-value exact cap.`,
    '',
    'Incremental window (median of 41, the two sizes interleaved): add a 10,000-row batch to the open window, then PSI + Wasserstein against the stored reference. Adding costs the batch alone; the statistics walk the fine histogram, so they cost its span of buckets (which grows only as far as the tails reach), never the rows.',
    '',
    '| window rows | add 10k batch (ms) | PSI + Wasserstein (ms) | non-empty fine buckets |',
    '|---:|---:|---:|---:|',
    ...incremental.map((r) => `| ${r.size.toLocaleString('en')} | ${r.add.toFixed(3)} | ${r.stats.toFixed(2)} | ${r.buckets.toLocaleString('en')} |`),
  ].join('\n');
  writeMonitorSection('BENCHMARKS.md', body);
  console.log(body);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Replaces only the text between `<!-- monitor:start -->` and `<!-- monitor:end -->` (appends the section when new). */
function writeMonitorSection(file: string, body: string): void {
  const start = '<!-- monitor:start -->';
  const end = '<!-- monitor:end -->';
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const block = `${start}\n${body}\n${end}`;
  writeFileSync(file, from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + end.length) : `${current.trimEnd()}\n\n${block}\n`);
}
