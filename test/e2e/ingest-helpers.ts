import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './cli.ts';
import { startServe } from './serve-process.ts';

export interface Served {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<number | null>;
}

/** `steward serve --store <store>` on an ephemeral loopback port; resolves once it listens. */
export function serve(store: string): Promise<Served> {
  return startServe(store);
}

/** Initialises the store, records and deploys credit@1.0.0, and returns an engineer token. */
export async function prepareStore(store: string, folder: string): Promise<string> {
  const ok = async (args: string[]): Promise<string> => {
    const result = await runCli([...args, '--store', store]);
    if (result.code !== 0) throw new Error(`steward ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
  };
  const artifact = join(folder, 'model.bin');
  writeFileSync(artifact, 'weights');
  await ok(['init', '--origin', 'ingest.test/steward']);
  await ok(['record', 'version', 'credit@1.0.0', '--artifact', artifact]);
  await ok(['record', 'deployment', 'credit@1.0.0', '--env', 'production']);
  const created = await ok(['token', 'create', '--role', 'engineer', '--name', 'ingest']);
  const token = /stw_[A-Za-z0-9_-]+/.exec(created)?.[0];
  if (token === undefined) throw new Error(`no token in: ${created}`);
  return token;
}

export function batchOf(prefix: string, size: number): object[] {
  const timestamp = new Date().toISOString();
  return Array.from({ length: size }, (_, k) => ({ decision_id: `${prefix}-${k}`, model: 'credit', version: '1.0.0', timestamp, features: { income: k, region: k % 7 }, prediction: k % 2, score: (k % 100) / 100 }));
}

/** Posts a batch, retrying on 429/503 (back-pressure) as a well-behaved client does; the accepted count, or throws. */
export async function postBatch(url: string, token: string, batch: readonly object[]): Promise<{ accepted: number; duplicates: number }> {
  for (;;) {
    const response = await fetch(`${url}/v1/decisions`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(batch) });
    if (response.status === 429 || response.status === 503) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    if (response.status !== 200) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { accepted: number; duplicates: number };
  }
}

/**
 * Crash rounds: each round starts `steward serve`, lets `clients` post batches until a SIGKILL at a random moment,
 * and keeps the ids of every batch whose 200 answer arrived (acknowledged). Returns them for the caller to check.
 */
export async function crashRounds(store: string, token: string, rounds: number, clients = 3, batchSize = 500): Promise<string[]> {
  const acknowledged: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const server = await serve(store);
    let killed = false;
    const client = async (c: number): Promise<void> => {
      for (let b = 0; !killed; b++) {
        const batch = batchOf(`crash-${round}-${c}-${b}`, batchSize);
        try {
          const result = await postBatch(server.url, token, batch);
          if (result.accepted + result.duplicates === batchSize) acknowledged.push(...batch.map((d) => (d as { decision_id: string }).decision_id));
        } catch {
          return; // the connection died with the server: that batch was never acknowledged
        }
      }
    };
    const running = Array.from({ length: clients }, (_, c) => client(c));
    await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 700));
    server.child.kill('SIGKILL');
    killed = true;
    await server.exited;
    await Promise.all(running);
  }
  return acknowledged;
}
