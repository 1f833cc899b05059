import type { EvaluationBatch, Task } from '../core/index.ts';
import { CellIndex } from './cells/cell-index.ts';
import { B_LENGTH, B_ROWS, addBinaryStats } from './cells/binary-layout.ts';
import { R_LENGTH, R_ROWS, addRegressionStats } from './cells/regression-layout.ts';
import { updateBinaryCells } from './cells/binary-update.ts';
import { updateRegressionCells } from './cells/regression-update.ts';
import { ScoreDistribution } from './rank/score-distribution.ts';

/** One cell of a profile: the rows sharing the same value of every sensitive column (null = missing). */
export interface ProfileCell {
  readonly values: readonly (string | null)[];
  /** Sufficient statistics, layout in cells/binary-layout.ts or cells/regression-layout.ts. */
  readonly stats: Float64Array;
  /** Binary task only. */
  readonly scores?: ScoreDistribution;
}

/**
 * Mergeable sufficient statistics of an evaluation (DESIGN.md principle 3). Memory is O(cells × bins): one cell per
 * distinct combination of sensitive values seen, never per row.
 */
export interface EvaluationProfile {
  readonly task: Task;
  /** Sensitive column names, in policy order. */
  readonly sensitive: readonly string[];
  /** Rows added so far (all of them, usable or not). */
  readonly rows: number;
  add(batch: EvaluationBatch): void;
  /** Adds `other` into this profile (cells matched by value); `other` is left unchanged. */
  merge(other: EvaluationProfile): void;
  /** The cells, in first-seen order. The returned statistics are live: do not modify them. */
  cells(): readonly ProfileCell[];
}

export function createEvaluationProfile(spec: { task: Task; sensitive: readonly string[] }): EvaluationProfile {
  const task = spec.task;
  const sensitive = [...spec.sensitive];
  const index = new CellIndex(sensitive.length);
  const stats: Float64Array[] = [];
  const scores: ScoreDistribution[] = [];
  const length = task === 'binary' ? B_LENGTH : R_LENGTH;
  const rowsAt = task === 'binary' ? B_ROWS : R_ROWS;
  let rows = 0;

  /** Allocates the statistics of cells created since the last call. */
  const ensureCells = (): void => {
    while (stats.length < index.size) {
      stats.push(new Float64Array(length));
      if (task === 'binary') scores.push(new ScoreDistribution());
    }
  };

  const profile: EvaluationProfile = {
    task,
    sensitive,
    get rows() {
      return rows;
    },
    add(batch) {
      const cellOf = index.assign(batch);
      ensureCells();
      if (task === 'binary') updateBinaryCells(batch, cellOf, stats, scores);
      else updateRegressionCells(batch, cellOf, stats);
      rows += batch.rows;
    },
    merge(other) {
      if (other === profile) throw new TypeError('a profile cannot be merged into itself');
      if (other.task !== task || other.sensitive.length !== sensitive.length) {
        throw new TypeError(`cannot merge a ${other.task} profile over [${other.sensitive.join(', ')}] into a ${task} profile over [${sensitive.join(', ')}]`);
      }
      for (const cell of other.cells()) {
        const target = index.cellOf(cell.values);
        ensureCells();
        const into = stats[target] as Float64Array;
        if (task === 'binary') {
          addBinaryStats(into, cell.stats);
          if (cell.scores !== undefined) scores[target]?.merge(cell.scores);
        } else {
          addRegressionStats(into, cell.stats);
        }
        rows += cell.stats[rowsAt] ?? 0;
      }
    },
    cells() {
      return stats.map((cellStats, cell) => {
        const distribution = scores[cell];
        return distribution === undefined
          ? { values: index.values(cell), stats: cellStats }
          : { values: index.values(cell), stats: cellStats, scores: distribution };
      });
    },
  };
  return profile;
}
