import type { Command } from 'commander';
import { testPolicy, validatePolicies } from '../../app/index.ts';
import { describeProblem } from '../../core/index.ts';
import type { SetExitCode } from '../program.ts';
import type { Terminal } from '../terminal.ts';

interface FormatOption {
  format: 'text' | 'json';
}

export function registerPolicy(program: Command, terminal: Terminal, setExitCode: SetExitCode): void {
  const policy = program.command('policy').description('Validate and test policy files.');

  policy
    .command('validate')
    .description('Check policy files: YAML syntax, fields, metric names, sensitive columns, CEL expressions.')
    .argument('<files...>', 'policy files (YAML)')
    .option('--format <format>', 'text or json', 'text')
    .addHelpText('after', '\nExit codes: 0 every policy is valid, 2 a problem was found (each printed with file:line:column).')
    .action(async (files: string[], options: FormatOption) => {
      const results = await validatePolicies(files);
      if (options.format === 'json') {
        terminal.out(`${JSON.stringify({ results }, null, 2)}\n`);
      } else {
        for (const { file, problems } of results) {
          if (problems.length === 0) terminal.out(`${file}: valid\n`);
          for (const problem of problems) terminal.out(`${describeProblem(problem)}\n`);
        }
      }
      setExitCode(results.some((result) => result.problems.length > 0) ? 2 : 0);
    });

  policy
    .command('test')
    .description('Run policy tests: fixture metrics in, expected findings out (like `opa test`).')
    .argument('<policy>', 'policy file (YAML)')
    .argument('<tests>', 'policy test file (YAML): cases with metrics and expected statuses per rule')
    .option('--format <format>', 'text or json', 'text')
    .addHelpText('after', '\nExit codes: 0 every case passed, 1 a case failed, 2 a file is invalid.')
    .action(async (policyFile: string, testFile: string, options: FormatOption) => {
      const report = await testPolicy(policyFile, testFile);
      if (options.format === 'json') {
        terminal.out(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        for (const result of report.cases) {
          terminal.out(`${result.passed ? 'PASS' : 'FAIL'}  ${result.name}\n`);
          for (const mismatch of result.mismatches) terminal.out(`      ${describeProblem(mismatch)}\n`);
        }
        terminal.out(`\n${report.passed} passed, ${report.failed} failed\n`);
      }
      setExitCode(report.failed > 0 ? 1 : 0);
    });
}
