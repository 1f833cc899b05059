import { Command } from 'commander';
import { toolVersion } from '../app/index.ts';
import { registerCheck } from './commands/check.ts';
import { registerLedgerCommands } from './commands/ledger.ts';
import { registerPolicy } from './commands/policy.ts';
import { registerRecordCommands } from './commands/records.ts';
import { registerTokenCommands } from './commands/token.ts';
import { registerServe } from './commands/serve.ts';
import { registerMonitor } from './commands/monitor.ts';
import type { Terminal } from './terminal.ts';

/** Every command reports its exit code through this callback; main.ts turns it into the process exit code. */
export type SetExitCode = (code: number) => void;

export function buildProgram(terminal: Terminal, setExitCode: SetExitCode): Command {
  const program = new Command('steward')
    .description('Governance for teams that ship AI: release and data gates with CI-native reports, a tamper-evident ledger of what was built, checked, approved and deployed, and production monitoring.')
    .version(toolVersion, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => terminal.out(text),
      writeErr: (text) => terminal.err(text),
    });
  registerCheck(program, terminal, setExitCode);
  registerPolicy(program, terminal, setExitCode);
  registerLedgerCommands(program, terminal, setExitCode);
  registerRecordCommands(program, terminal, setExitCode);
  registerTokenCommands(program, terminal, setExitCode);
  registerServe(program, terminal, setExitCode);
  registerMonitor(program, terminal, setExitCode);
  program.addHelpText(
    'after',
    '\nExit codes: 0 pass (warnings allowed), 1 an error-severity rule failed, 2 usage or input error, 3 internal error.',
  );
  return program;
}
