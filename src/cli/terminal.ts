/**
 * What the terminal can take: colour only on a TTY (and never under NO_COLOR; FORCE_COLOR forces it), progress bars
 * only on an interactive stderr outside CI.
 */
export interface Terminal {
  readonly color: boolean;
  readonly interactive: boolean;
  readonly width: number;
  out(text: string): void;
  err(text: string): void;
}

export function detectTerminal(env: NodeJS.ProcessEnv = process.env): Terminal {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  const color = forced || (process.stdout.isTTY === true && env.NO_COLOR === undefined && env.TERM !== 'dumb');
  const interactive = process.stderr.isTTY === true && env.CI !== 'true' && env.CI !== '1';
  return {
    color,
    interactive,
    width: process.stdout.columns ?? 100,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  };
}
