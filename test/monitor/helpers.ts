import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandom } from '../../src/stats/random.ts';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'steward-monitor-'));
}

export interface TableSpec {
  readonly rows: number;
  readonly seed: number;
  /** Added to the mean of `income`. */
  readonly shift?: number;
  /** Share of rows whose income is missing. */
  readonly missing?: number;
  /** Share of rows whose region is a category the reference never has. */
  readonly unseen?: number;
}

/** A CSV with a numeric `income` (normal, mean 50 + shift, sd 10), a numeric `age` and a categorical `region`. */
export function writeTable(dir: string, name: string, spec: TableSpec): string {
  const random = createRandom(spec.seed);
  const regions = ['north', 'south', 'east', 'west'];
  const lines = ['income,age,region'];
  for (let i = 0; i < spec.rows; i++) {
    const income = random.nextDouble() < (spec.missing ?? 0) ? '' : (50 + (spec.shift ?? 0) + 10 * random.nextGaussian()).toFixed(3);
    const age = (40 + 8 * random.nextGaussian()).toFixed(2);
    const region = random.nextDouble() < (spec.unseen ?? 0) ? 'mars' : regions[random.nextUint32() % 4];
    lines.push(`${income},${age},${region}`);
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

export function writeFile(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

export const basicMonitor = (extra = ''): string => `kind: Monitor
metadata:
  name: credit-drift
model: credit-scoring
columns:
  income: number
  age: number
  region: category
statistics:
  severity: error
${extra}`;

export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/**
 * A real HTTP receiver on 127.0.0.1 (`port`, default any free one); `respond` picks the status of each request
 * (1-based count). Given the port of a deadUrl, it is a receiver that was down and came back.
 */
export async function receiver(respond: (count: number, request: Received) => number = () => 200, port = 0): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const entry = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body };
      received.push(entry);
      response.statusCode = respond(received.length, entry);
      response.end('{}');
    });
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A URL on which nothing listens: a port that was just open and is closed again. */
export async function deadUrl(): Promise<string> {
  const down = await receiver();
  await down.close();
  return `${down.url}/hook`;
}
