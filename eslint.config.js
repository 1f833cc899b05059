// Lint config. Besides style, it enforces the layering of DESIGN.md: imports point down the spine only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Stages and the stages they may import (besides themselves). */
const layers = {
  core: [],
  readers: ['core'],
  stats: ['core'],
  ledger: ['core'],
  store: ['core'],
  policy: ['core', 'stats'],
  report: ['core'],
  app: ['core', 'readers', 'stats', 'policy', 'ledger', 'store', 'report'],
  cli: ['core', 'app', 'report'],
  server: ['core', 'app', 'report'],
};
const stages = Object.keys(layers);

const layerRules = Object.entries(layers).map(([stage, allowed]) => ({
  files: [`src/${stage}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: stages
          .filter((other) => other !== stage && !allowed.includes(other))
          .map((other) => ({
            group: [`**/${other}/**`, `../${other}`, `../../${other}`],
            message: `src/${stage} may not import src/${other} (see DESIGN.md, Layout).`,
          })),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/data/**', 'bench/out/**', 'web/dist/**', 'out/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  ...layerRules,
  {
    // `steward serve` launches the server: the one place the CLI may import src/server (nothing else may).
    files: ['src/cli/commands/serve.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: stages
            .filter((other) => !['cli', 'server', ...layers.cli].includes(other))
            .map((other) => ({ group: [`**/${other}/**`, `../${other}`, `../../${other}`], message: `src/cli may not import src/${other}.` })),
        },
      ],
    },
  },
);
