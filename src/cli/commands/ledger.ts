import { Option, type Command } from 'commander';
import {
  initLedger,
  openLedger,
  remoteCheckpoint,
  remoteConsistencyProof,
  remoteExport,
  remoteInclusionProof,
  remoteVerify,
  verifyBundle,
  type Ledger,
  type OpenLedgerOptions,
  type RemoteServer,
  type VerifyReport,
} from '../../app/index.ts';
import { parseIntegerOption } from '../options.ts';
import type { SetExitCode } from '../program.ts';
import { remoteServer } from '../remote.ts';
import { storeOption } from '../store-option.ts';
import type { Terminal } from '../terminal.ts';

interface Common {
  store?: string;
  format: 'text' | 'json';
}

const EXIT_CODES = '\nExit codes: 0 success, 2 usage or input error, 3 internal error.';

/** init, checkpoint, verify, proof, export: the commands that create and prove the ledger. */
export function registerLedgerCommands(program: Command, terminal: Terminal, setExitCode: SetExitCode): void {
  const json = (value: unknown): void => terminal.out(`${JSON.stringify(value, null, 2)}\n`);
  const format = (): Option => new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');
  // The passphrase of an encrypted ledger key comes from the environment only, never from a flag (shell history).
  const settings = (options: Common): OpenLedgerOptions => {
    const passphrase = process.env.STEWARD_KEY_PASSPHRASE;
    return { ...(options.store === undefined ? {} : { store: options.store }), ...(passphrase === undefined ? {} : { passphrase }) };
  };
  const withLedger = async <T>(options: Common, work: (ledger: Ledger) => Promise<T>): Promise<T> => {
    const ledger = await openLedger(settings(options));
    try {
      return await work(ledger);
    } finally {
      await ledger.close();
    }
  };

  // With STEWARD_URL and STEWARD_TOKEN set, a command that has an API route runs on that server instead.
  const on = <T>(options: Common, local: (ledger: Ledger) => Promise<T>, remote: (server: RemoteServer) => Promise<T>): Promise<T> => {
    const server = remoteServer();
    return server === undefined ? withLedger(options, local) : remote(server);
  };

  program
    .command('init')
    .description('Create the store and the ledger signing key (Ed25519). Safe to run again: an existing key is reported, never replaced.')
    .option('--origin <name>', 'log origin and key name, e.g. example.com/steward (default steward.local/<random id>)')
    .addOption(storeOption())
    .addOption(format())
    .addHelpText('after', `\nThe private key stays in the store (encrypted with STEWARD_KEY_PASSPHRASE when set); only the public verifier key is printed.\n\nExamples:\n  steward init --origin example.com/credit-ledger\n  steward init --store postgres://steward@db/steward${EXIT_CODES}`)
    .action(async (options: Common & { origin?: string }) => {
      const result = await initLedger({ ...settings(options), ...(options.origin === undefined ? {} : { origin: options.origin }) });
      if (options.format === 'json') return json(result);
      const verb = result.created ? `created the ledger key${result.encrypted ? ' (encrypted)' : ''}` : 'already initialised; nothing changed';
      terminal.out(`${result.store}: ${verb}\norigin: ${result.origin}\nverifier key: ${result.verifierKey}\n`);
    });

  program
    .command('checkpoint')
    .description('Sign (if new) and print the checkpoint of the current log: its origin, size and root hash (C2SP signed note).')
    .addOption(storeOption())
    .addOption(format())
    .addHelpText('after', `\nKeep the printed checkpoint: \`steward verify\` checks that the log stays consistent with the last one shown.\n\nExamples:\n  steward checkpoint\n  steward checkpoint --format json > checkpoint.json${EXIT_CODES}`)
    .action(async (options: Common) => {
      const server = remoteServer();
      const checkpoint =
        server === undefined
          ? await withLedger(options, async (ledger) => ({ ...(await ledger.checkpoint()), verifierKey: (await ledger.identity())?.verifierKey }))
          : await remoteCheckpoint(server);
      if (options.format === 'json') return json(checkpoint);
      terminal.out(checkpoint.text);
    });

  program
    .command('verify')
    .description('Recompute every leaf, node and root of the ledger and check every checkpoint; name the first bad index.')
    .option('--bundle <file>', 'verify an exported bundle instead, with no store')
    .addOption(storeOption())
    .addOption(format())
    .addHelpText('after', `\nExamples:\n  steward verify\n  steward verify --bundle ledger.jsonl --format json\n\nExit codes: 0 verified, 1 tampering or damage found, 2 usage or input error, 3 internal error.`)
    .action(async (options: Common & { bundle?: string }) => {
      const server = remoteServer();
      const report =
        options.bundle !== undefined ? await verifyBundle(options.bundle, process.cwd()) : server === undefined ? await withLedger(options, (ledger) => ledger.verify()) : await remoteVerify(server);
      setExitCode(report.ok ? 0 : 1);
      if (options.format === 'json') return json(report);
      terminal.out(describeReport(report));
    });

  const proof = program.command('proof').description('Print RFC 6962 / RFC 9162 proofs (hashes as lowercase hex) with the signed checkpoint.');
  proof
    .command('inclusion')
    .description('Prove that one event is in the current log.')
    .argument('<id>', 'the event\'s leaf index, or its leaf hash (64 hex digits)')
    .addOption(storeOption())
    .addOption(format().default('json'))
    .addHelpText('after', `\nExamples:\n  steward proof inclusion 42\n  steward proof inclusion 3f5a…(64 hex digits)${EXIT_CODES}`)
    .action(async (id: string, options: Common) => {
      const target = /^\d+$/.test(id) ? parseIntegerOption(id) : id;
      const result = await on(options, (ledger) => ledger.inclusionProof(target), (server) => remoteInclusionProof(server, target));
      if (options.format === 'json') return json(result);
      terminal.out(`leaf ${result.index} of ${result.treeSize}: ${result.leafHash}\nroot: ${result.root}\naudit path:\n${result.auditPath.map((h) => `  ${h}\n`).join('')}`);
    });
  proof
    .command('consistency')
    .description('Prove that the log of size <n> extends the log of size <m>.')
    .argument('<m>', 'first tree size', parseIntegerOption)
    .argument('[n]', 'second tree size (default: the current size)', parseIntegerOption)
    .addOption(storeOption())
    .addOption(format().default('json'))
    .addHelpText('after', `\nExamples:\n  steward proof consistency 100 250\n  steward proof consistency 100${EXIT_CODES}`)
    .action(async (m: number, n: number | undefined, options: Common) => {
      const result = await on(options, (ledger) => ledger.consistencyProof(m, n), (server) => remoteConsistencyProof(server, m, n));
      if (options.format === 'json') return json(result);
      terminal.out(`${result.first} (${result.firstRoot}) → ${result.second} (${result.secondRoot})\nproof:\n${result.proof.map((h) => `  ${h}\n`).join('')}`);
    });

  program
    .command('export')
    .description('Write a bundle (JSON lines: header with checkpoints and the public key, then one event per line) for offline verification.')
    .argument('<file>', 'where to write the bundle')
    .addOption(storeOption())
    .addOption(format())
    .addHelpText('after', `\nThe bundle never contains the private key. Check it anywhere with \`steward verify --bundle <file>\`.\n\nExamples:\n  steward export evidence/ledger.jsonl${EXIT_CODES}`)
    .action(async (file: string, options: Common) => {
      const result = await on(options, (ledger) => ledger.exportBundle(file), (server) => remoteExport(server, file));
      if (options.format === 'json') return json(result);
      terminal.out(`wrote ${result.path}: ${result.size} events, root ${result.checkpoint.root}\n`);
    });
}

function describeReport(report: VerifyReport): string {
  if (report.ok) return `verified: ${report.size} events, ${report.checkpoints} checkpoints, root ${report.root}\n`;
  const { code, index, line, reason } = report.finding;
  const where = [index === undefined ? '' : `at index ${index}`, line === undefined ? '' : `(line ${line})`].filter((s) => s !== '').join(' ');
  return `FAILED ${code}${where === '' ? '' : ` ${where}`}: ${reason}\n`;
}
