import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { openLedger, openTokenRegistry, roles, type Ledger, type Role, type TokenRegistry } from '../../src/app/index.ts';
import { buildServer, type StewardServer } from '../../src/server/index.ts';

/** A server on a fresh embedded store, with one token per role plus revoked, expired and never-issued ones. */
export interface TestServer {
  readonly server: StewardServer;
  /** The ledger the server writes, for tests that set up or read events directly. */
  readonly ledger: Ledger;
  readonly tokens: TokenRegistry;
  readonly byRole: Readonly<Record<Role, string>>;
  readonly revoked: string;
  readonly expired: string;
  readonly unknown: string;
  /** Every log line the server wrote so far, as text. */
  logs(): string;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const folder = mkdtempSync(join(tmpdir(), 'steward-server-'));
  const store = join(folder, 'steward.db');
  const tokens = await openTokenRegistry({ store });
  const ledger = await openLedger({ store });
  const now = new Date();
  const byRole = {} as Record<Role, string>;
  for (const role of roles) byRole[role] = (await tokens.create({ name: `t-${role}`, role, now })).token;
  const revoked = (await tokens.create({ name: 'revoked', role: 'admin', now })).token;
  await tokens.revoke('revoked', now);
  const expired = (await tokens.create({ name: 'expired', role: 'admin', expires: '1h', now: new Date(now.getTime() - 2 * 3_600_000) })).token;
  const unknown = `stw_${'A'.repeat(43)}`;
  let text = '';
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  const server = await buildServer({ tokens, ledger, logStream, tempDir: folder });
  return {
    server,
    ledger,
    tokens,
    byRole,
    revoked,
    expired,
    unknown,
    logs: () => text,
    async close() {
      await server.app.close();
      await ledger.close();
      await tokens.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
