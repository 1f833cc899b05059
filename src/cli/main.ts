import { CommanderError } from 'commander';
import { describeProblem, isStewardError } from '../core/index.ts';
import { buildProgram } from './program.ts';
import { detectTerminal } from './terminal.ts';

/** Exit codes: 0 pass, 1 a policy failed, 2 usage or input error, 3 internal error. */
export const exitCodes = { pass: 0, policyFailed: 1, usage: 2, internal: 3 } as const;

/**
 * The single error boundary of the CLI and the only place that decides an exit code. Commands return their exit
 * code; user-fixable problems arrive as StewardError (exit 2); anything else is a bug (exit 3).
 */
export async function main(argv: readonly string[]): Promise<number> {
  const terminal = detectTerminal();
  let code: number = exitCodes.pass;
  const program = buildProgram(terminal, (result) => {
    code = result;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; they already printed and mean success.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return 0;
      return exitCodes.usage;
    }
    if (isStewardError(error)) {
      terminal.err(`steward: ${describeProblem(error.problem)}\n`);
      return error.category === 'internal' ? exitCodes.internal : exitCodes.usage;
    }
    terminal.err(`steward: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return exitCodes.internal;
  }
}

/**
 * A reader that stops early (`steward log | head`) closes the pipe: that is the reader's choice, not an error, so
 * the process ends quietly instead of crashing on EPIPE.
 */
export function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
}

// Run when executed directly (`node src/cli/main.ts …`), not when imported by bin/steward.js or tests.
if (import.meta.main) {
  exitQuietlyOnClosedPipe();
  process.exitCode = await main(process.argv.slice(2));
}
