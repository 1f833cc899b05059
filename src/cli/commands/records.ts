import type { Command } from 'commander';
import type { SetExitCode } from '../program.ts';
import type { Terminal } from '../terminal.ts';

/** record, policy publish, log, lineage, state, bom: the commands that write and read lineage. */
export function registerRecordCommands(_program: Command, _terminal: Terminal, _setExitCode: SetExitCode): void {}
