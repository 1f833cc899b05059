import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createModelClient } from '../../src/app/explain/endpoint.ts';
import { runFlipTest } from '../../src/app/explain/flip-test.ts';
import { CANDIDATE, allocateChunk, fillChunk } from '../gen/model.ts';
import { Prng } from '../gen/prng.ts';

/**
 * Flip-test throughput: the benchmark's first `rows` evaluation rows (regenerated from the seed) are sent through
 * runFlipTest (src/app/explain/flip-test.ts) with `sex` swapped, against bench/explain/model-server.ts running in a
 * separate process. Rows/s counts tested rows (each sends 2 instances: itself and its counterfactual).
 */
export interface FlipMeasurement {
  readonly label: string;
  readonly batchSize: number | undefined;
  readonly concurrency: number | undefined;
  readonly rows: number;
  readonly instances: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  readonly flipRate: number;
}

const FEATURES = ['f1', 'f2', 'f3', 'f4', 'f5', 'sex'];

function instances(rows: number, seed: number): number[][] {
  const chunk = allocateChunk(rows, 1);
  fillChunk(chunk, new Prng(seed), CANDIDATE);
  return Array.from({ length: rows }, (_, i) => [chunk.f1[i], chunk.f2[i], chunk.f3[i], chunk.f4[i], chunk.f5[i], chunk.sex[i]] as number[]);
}

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'model-server.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const port = /^listening (\d+)$/.exec(line)?.[1];
    if (port !== undefined) return { child, url: `http://127.0.0.1:${port}/predict` };
  }
  throw new Error('the model server exited before listening');
}

export async function measureFlips(rows: number, seed: number, settings: readonly { label: string; batchSize?: number; concurrency?: number }[]): Promise<FlipMeasurement[]> {
  const data = instances(rows, seed);
  const server = await startServer();
  try {
    const results: FlipMeasurement[] = [];
    for (const setting of settings) {
      const client = createModelClient({
        url: server.url,
        features: FEATURES,
        ...(setting.batchSize === undefined ? {} : { batchSize: setting.batchSize }),
        ...(setting.concurrency === undefined ? {} : { concurrency: setting.concurrency }),
      });
      // A short warm-up so both sides' code is compiled and the connections are open before the clock starts.
      await runFlipTest({ client, instances: data.slice(0, Math.min(2000, rows)), sensitive: 'sex', threshold: 0.5 });
      const started = performance.now();
      const result = await runFlipTest({ client, instances: data, sensitive: 'sex', threshold: 0.5 });
      const seconds = (performance.now() - started) / 1000;
      results.push({
        label: setting.label,
        batchSize: setting.batchSize,
        concurrency: setting.concurrency,
        rows: result.overall.rows,
        instances: result.requests,
        seconds,
        rowsPerSecond: result.overall.rows / seconds,
        flipRate: result.overall.rate,
      });
    }
    return results;
  } finally {
    server.child.kill('SIGTERM');
  }
}
