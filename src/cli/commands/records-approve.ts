import { InvalidArgumentError, Option, type Command } from 'commander';
import { userInfo } from 'node:os';
import { ciContextFromEnv, localApprover, recordApproval, remoteRecordApproval, type RecordResult } from '../../app/index.ts';
import { fail } from '../../core/index.ts';
import { remoteServer } from '../remote.ts';
import { storeOption } from '../store-option.ts';
import { recordOn } from './records-ledger.ts';

interface ApproveOptions {
  comment: string;
  verdict?: number;
  reject?: boolean;
  by?: string;
  store?: string;
  at?: string;
  format: 'text' | 'json';
}

const help = `
Who approves: locally, --by when given, else the CI actor (GITHUB_ACTOR, GITLAB_USER_LOGIN), else the operating-system
user. With STEWARD_URL and STEWARD_TOKEN set, the server records the approval under the token's name (an approver or
admin token) and --by is refused.

Examples:
  steward approve credit-scoring@2.0.0 --verdict 41 --comment "four-fifths gap accepted by risk committee R-12"
  steward approve credit-scoring@2.0.0 --reject --comment "baseline AUC dropped; retrain first" --by ana

Exit codes: 0 recorded, 2 usage or input error (nothing recorded), 3 internal error.`;

/** `steward approve`: a human approval (or rejection) of a version's promotion, signed into the ledger. */
export function registerApproveCommand(program: Command, report: (result: RecordResult, options: { format: 'text' | 'json' }) => void): void {
  program
    .command('approve')
    .description('Approve (or, with --reject, reject) the promotion of a recorded model version, with a comment.')
    .argument('<model@version>', 'e.g. credit-scoring@2.0.0')
    .requiredOption('--comment <text>', 'why: required, recorded with the approval')
    .option('--verdict <index>', 'the log index of the verdict of this version being approved', logIndex)
    .option('--reject', 'record a rejection instead of an approval')
    .option('--by <name>', 'the approver (local ledger only; default: the CI actor, else the OS user)')
    .addOption(storeOption())
    .option('--at <time>', 'when it happened, RFC 3339 (default: now)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', help)
    .action(async (ref: string, options: ApproveOptions) => {
      const request = { ref, decision: options.reject === true ? ('rejected' as const) : ('approved' as const), comment: options.comment, ...(options.verdict === undefined ? {} : { verdict: options.verdict }) };
      if (options.by !== undefined && remoteServer() !== undefined) {
        fail('USAGE_INVALID_ARGUMENT', '--by cannot be used with STEWARD_URL: the server records the approval under the name of STEWARD_TOKEN', {
          hint: 'drop --by, or use a token created with the approver\'s name',
        });
      }
      const approver = localApprover(options.by, ciContextFromEnv(process.env), osUser());
      const result = await recordOn(
        options,
        (ledger, context) => recordApproval(ledger, { ...request, approver }, context),
        (server, context) => remoteRecordApproval(server, request, context),
      );
      report(result, options);
    });
}

function logIndex(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number)) throw new InvalidArgumentError(`expected a ledger index (0, 1, 2, …), got "${value}"`);
  return number;
}

/** The OS user name; empty when the system has none for this uid (the record then refuses an empty approver). */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}
