/** What an error code means to the outermost shell: `usage` and `input` exit 2, `internal` exits 3. */
export type CodeCategory = 'usage' | 'input' | 'internal';

/** One documented error code: every code the project can emit is declared in one of the files of this folder. */
export interface CodeSpec {
  readonly category: CodeCategory;
  /** One sentence for docs/errors.md: when this code is emitted and what the user should do. */
  readonly summary: string;
}
