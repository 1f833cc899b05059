import type { Terminal } from './terminal.ts';

export interface ProgressBar {
  update(done: number, total: number, detail?: string): void;
  finish(): void;
}

const silent: ProgressBar = { update() {}, finish() {} };

/**
 * A one-line progress bar on stderr, redrawn at most ten times a second. Silent when stderr is not an interactive
 * terminal (CI logs stay clean), and for inputs too small to need one.
 */
export function progressBar(terminal: Terminal, label: string, minimumTotal = 32 * 1024 * 1024): ProgressBar {
  if (!terminal.interactive) return silent;
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total, detail = '') {
      const now = Date.now();
      if (total < minimumTotal || now - lastDraw < 100) return;
      lastDraw = now;
      drawn = true;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const width = 30;
      const filled = Math.round(share * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      terminal.err(`\r${label} ${bar} ${(share * 100).toFixed(0).padStart(3)}% ${detail}\x1b[K`);
    },
    finish() {
      if (drawn) terminal.err('\r\x1b[K');
    },
  };
}
