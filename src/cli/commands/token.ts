import { Option, type Command } from 'commander';
import { openTokenRegistry, remoteCreateToken, remoteListTokens, remoteRevokeToken, roles, type RemoteServer, type TokenInfo, type TokenRegistry } from '../../app/index.ts';
import { remoteServer } from '../remote.ts';
import type { SetExitCode } from '../program.ts';
import { storeOption } from '../store-option.ts';
import type { Terminal } from '../terminal.ts';

interface Common {
  store?: string;
  format: 'text' | 'json';
}

/** `steward token create|list|revoke`: API tokens of `steward serve`. Only hashes are stored; a token prints once. */
export function registerTokenCommands(program: Command, terminal: Terminal, setExitCode: SetExitCode): void {
  const format = (): Option => new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');
  const json = (value: unknown): void => terminal.out(`${JSON.stringify(value, null, 2)}\n`);
  const withTokens = async (options: Common, work: (tokens: TokenRegistry) => Promise<void>): Promise<void> => {
    const tokens = await openTokenRegistry(options.store === undefined ? {} : { store: options.store });
    try {
      await work(tokens);
      setExitCode(0);
    } finally {
      await tokens.close();
    }
  };
  // With STEWARD_URL and STEWARD_TOKEN (an admin's) set, the server's token routes do the work.
  const on = async <T>(options: Common, local: (tokens: TokenRegistry) => Promise<T>, remote: (server: RemoteServer) => Promise<T>): Promise<T> => {
    const server = remoteServer();
    if (server !== undefined) return remote(server);
    let result: T | undefined;
    await withTokens(options, async (tokens) => {
      result = await local(tokens);
    });
    return result as T;
  };
  const token = program.command('token').description('Create, list and revoke the bearer tokens of `steward serve`.');

  token
    .command('create')
    .description('Create a token and print it ONCE: only its SHA-256 hash is stored, so it cannot be shown again.')
    .addOption(new Option('--role <role>', 'what the token may do').choices(roles).makeOptionMandatory())
    .requiredOption('--name <name>', 'a unique name, e.g. ci-pipeline (letters, digits, . _ -)')
    .option('--expires <time>', 'a duration (90m, 12h, 30d, 2w) or an RFC 3339 time; default: never')
    .addOption(storeOption())
    .addOption(format())
    .addHelpText('after', '\nRoles: viewer (read), auditor (read + proofs, exports), engineer (read + check, record), approver (read + approvals), admin (all).\n\nExample:\n  steward token create --role engineer --name ci --expires 90d')
    .action(async (options: Common & { role: string; name: string; expires?: string }) => {
      const request = { name: options.name, role: options.role, ...(options.expires === undefined ? {} : { expires: options.expires }) };
      const created = await on(options, (tokens) => tokens.create({ ...request, now: new Date() }), (server) => remoteCreateToken(server, request));
      setExitCode(0);
      if (options.format === 'json') return json(created);
      terminal.out(`${created.token}\n`);
      terminal.err(`token "${created.name}" (${created.id}, role ${created.role}${created.expiresAt === undefined ? '' : `, expires ${created.expiresAt}`}) created; it is shown only this once\n`);
    });

  token
    .command('list')
    .description('List tokens (name, id, role, times); never the tokens themselves.')
    .addOption(storeOption())
    .addOption(format())
    .action(async (options: Common) => {
      const list = await on(options, (tokens) => tokens.list(), remoteListTokens);
      setExitCode(0);
      if (options.format === 'json') return json(list);
      terminal.out(list.length === 0 ? 'no tokens\n' : `${list.map(describe).join('\n')}\n`);
    });

  token
    .command('revoke')
    .description('Revoke a token by name or id; the server refuses it from its next request on.')
    .argument('<name-or-id>', 'the token\'s name or its tok_… id')
    .addOption(storeOption())
    .addOption(format())
    .action(async (nameOrId: string, options: Common) => {
      const revoked = await on(options, (tokens) => tokens.revoke(nameOrId, new Date()), (server) => remoteRevokeToken(server, nameOrId));
      setExitCode(0);
      if (options.format === 'json') return json(revoked);
      terminal.out(`revoked ${describe(revoked)}\n`);
    });
}

function describe(token: TokenInfo): string {
  const status = token.revokedAt !== undefined ? `revoked ${token.revokedAt}` : token.expiresAt !== undefined ? `expires ${token.expiresAt}` : 'no expiry';
  return `${token.name}\t${token.id}\t${token.role}\tcreated ${token.createdAt}\t${status}`;
}
