/** What every formatter may be told besides the verdict. Formatters ignore the options that do not apply to them. */
export interface RenderOptions {
  /** ANSI colours in the text report; the CLI decides from TTY, NO_COLOR and FORCE_COLOR. */
  readonly color: boolean;
  /** The policy path as the user gave it; SARIF artifact URIs are made from it. Defaults to the verdict's path. */
  readonly policyFile?: string;
  /** Columns of the text report; default 100. */
  readonly width?: number;
  /**
   * When the check ran (JUnit's required `timestamp`). Reports never read the clock, so the same verdict renders to
   * the same bytes; without it JUnit shows the Unix epoch.
   */
  readonly generatedAt?: Date;
}
