import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Ingest, type IngestOptions } from '../../src/app/decisions/index.ts';
import { initLedger, openLedger, openTokenRegistry, type Ledger } from '../../src/app/index.ts';
import type { LedgerEvent } from '../../src/core/index.ts';
import { buildServer, type StewardServer } from '../../src/server/index.ts';

export const DIGEST = `sha256:${'ab'.repeat(32)}` as const;

/** A server on a fresh, initialised embedded store with an engineer and a viewer token. */
export interface IngestServer {
  readonly server: StewardServer;
  readonly ledger: Ledger;
  readonly store: string;
  readonly engineer: Record<string, string>;
  readonly viewer: Record<string, string>;
  /** A token of the approver role, named `risk-ana`. */
  readonly approver: Record<string, string>;
  close(): Promise<void>;
}

export async function startIngestServer(options: IngestOptions = {}): Promise<IngestServer> {
  const folder = mkdtempSync(join(tmpdir(), 'steward-ingest-'));
  const store = join(folder, 'steward.db');
  await initLedger({ store, origin: 'test.example/steward' });
  const tokens = await openTokenRegistry({ store });
  const ledger = await openLedger({ store });
  const now = new Date();
  const engineer = (await tokens.create({ name: 'eng', role: 'engineer', now })).token;
  const viewer = (await tokens.create({ name: 'view', role: 'viewer', now })).token;
  const approver = (await tokens.create({ name: 'risk-ana', role: 'approver', now })).token;
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const server = await buildServer({ tokens, ledger, logStream: quiet, tempDir: folder, ingest: new Ingest(ledger, options) });
  return {
    server,
    ledger,
    store,
    engineer: { authorization: `Bearer ${engineer}` },
    viewer: { authorization: `Bearer ${viewer}` },
    approver: { authorization: `Bearer ${approver}` },
    async close() {
      await server.app.close();
      await ledger.close();
      await tokens.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Records model@version with an artifact and deploys it to `environment` at `at`. */
export async function deploy(ledger: Ledger, model: string, version: string, at: string, environment = 'production'): Promise<void> {
  const events: LedgerEvent[] = [
    { v: 1, type: 'version', recordedAt: at, model, version, artifact: { digest: DIGEST, bytes: 10 } },
    { v: 1, type: 'deployment', recordedAt: at, model, version, environment },
  ];
  await ledger.append(events);
}

export function decision(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { decision_id: id, model: 'credit', version: '1.0.0', timestamp: '2026-06-01T10:00:00Z', features: { income: 1200, age: 41 }, prediction: 1, score: 0.82, ...extra };
}
