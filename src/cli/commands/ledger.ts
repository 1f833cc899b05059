import type { Command } from 'commander';
import type { SetExitCode } from '../program.ts';
import type { Terminal } from '../terminal.ts';

/** init, checkpoint, verify, proof, export: the commands that create and prove the ledger. */
export function registerLedgerCommands(_program: Command, _terminal: Terminal, _setExitCode: SetExitCode): void {}
