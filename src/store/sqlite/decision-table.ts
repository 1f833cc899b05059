import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { DECISION_CHUNK, type DecisionRow, type DecisionStore, type LabelRow } from '../decisions.ts';
import { sqliteError } from './open-database.ts';
import type { Row } from './rows.ts';

const DECISION_COLUMNS = 'id, model, version, decided_at, ledger_index, position, record';
const LABEL_COLUMNS = 'decision_id, recorded_at, ledger_index, position, record';
const INSERT_ROWS = 64;

/**
 * The decisions and labels tables (migration 3) over the embedded store's connection. Ingest inserts its rows inside
 * the ledger append that ledgers them (insertDecisionRows / insertLabelRows, called by append.ts); the Promise
 * methods run one `BEGIN IMMEDIATE` transaction per call. Rows go in with `ON CONFLICT DO NOTHING`, and each row's
 * `changes` tells whether it was this call's (node:sqlite is synchronous, so a call is one uninterrupted transaction).
 */
export class SqliteDecisionTable implements DecisionStore {
  readonly #db: DatabaseSync;
  readonly #location: string;
  readonly #insertDecision: StatementSync;
  readonly #insertLabel: StatementSync;
  /** INSERT_ROWS rows per statement: one statement step instead of 64 (measured ~2× faster on the ingest path). */
  readonly #insertDecisions: StatementSync;
  /** The id lookup of a full DECISION_CHUNK, prepared once: preparing it per call was a visible share of ingest. */
  readonly #existingChunk: StatementSync;
  /** Who holds each of INSERT_ROWS ids, asked only when a multi-row insert changed fewer rows than it had. */
  readonly #holders: StatementSync;

  constructor(db: DatabaseSync, location: string) {
    this.#db = db;
    this.#location = location;
    this.#insertDecision = db.prepare(`INSERT INTO decisions (${DECISION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`);
    const tuple = `(${Array.from({ length: 7 }, () => '?').join(', ')})`;
    this.#insertDecisions = db.prepare(
      `INSERT INTO decisions (${DECISION_COLUMNS}) VALUES ${Array.from({ length: INSERT_ROWS }, () => tuple).join(', ')} ON CONFLICT DO NOTHING`,
    );
    this.#existingChunk = db.prepare(`SELECT id FROM decisions WHERE id IN (${Array.from({ length: DECISION_CHUNK }, () => '?').join(', ')})`);
    this.#holders = db.prepare(`SELECT id, ledger_index, position FROM decisions WHERE id IN (${Array.from({ length: INSERT_ROWS }, () => '?').join(', ')})`);
    this.#insertLabel = db.prepare(`INSERT INTO labels (${LABEL_COLUMNS}) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`);
  }

  existingDecisions(ids: readonly string[]): Promise<Set<string>> {
    return this.#run(() => {
      const found = new Set<string>();
      for (let at = 0; at < ids.length; at += DECISION_CHUNK) {
        const part = ids.slice(at, at + DECISION_CHUNK);
        const statement = part.length === DECISION_CHUNK ? this.#existingChunk : this.#db.prepare(`SELECT id FROM decisions WHERE id IN (${part.map(() => '?').join(', ')})`);
        const rows = statement.all(...part) as Row[];
        for (const row of rows) found.add(row.id as string);
      }
      return found;
    });
  }

  insertDecisions(rows: readonly DecisionRow[]): Promise<string[]> {
    return this.#transaction(() => this.insertDecisionRows(rows).map((row) => row.id));
  }

  /**
   * The insert itself, inside a transaction the caller holds (insertDecisions, or the ledger append that ledgers
   * these rows): the rows this call inserted, in order.
   */
  insertDecisionRows(rows: readonly DecisionRow[]): DecisionRow[] {
    const inserted: DecisionRow[] = [];
    let at = 0;
    const values: SQLInputValue[] = new Array<SQLInputValue>(INSERT_ROWS * 7);
    for (; at + INSERT_ROWS <= rows.length; at += INSERT_ROWS) {
      const chunk = rows.slice(at, at + INSERT_ROWS);
      chunk.forEach((row, k) => {
        const base = 7 * k;
        values[base] = row.id;
        values[base + 1] = row.model;
        values[base + 2] = row.version;
        values[base + 3] = row.decidedAt;
        values[base + 4] = row.ledgerIndex;
        values[base + 5] = row.position;
        values[base + 6] = row.record;
      });
      // The usual case: every row was new. RETURNING would build a result row per insert to say the same.
      if (Number(this.#insertDecisions.run(...values).changes) === INSERT_ROWS) {
        inserted.push(...chunk);
        continue;
      }
      // Some ids were stored before: a row is this call's when it holds our leaf index and position.
      const held = new Map((this.#holders.all(...chunk.map((row) => row.id)) as Row[]).map((found) => [found.id as string, found]));
      for (const row of chunk) {
        const found = held.get(row.id);
        if (found !== undefined && found.ledger_index === row.ledgerIndex && found.position === row.position) inserted.push(row);
      }
    }
    for (const row of rows.slice(at)) {
      if (this.#changed(this.#insertDecision.run(row.id, row.model, row.version, row.decidedAt, row.ledgerIndex, row.position, row.record))) inserted.push(row);
    }
    return inserted;
  }

  decision(id: string): Promise<DecisionRow | undefined> {
    return this.#run(() => {
      const row = this.#db.prepare(`SELECT ${DECISION_COLUMNS} FROM decisions WHERE id = ?`).get(id) as Row | undefined;
      return row === undefined ? undefined : toDecision(row);
    });
  }

  decisionsInLeaf(ledgerIndex: number): Promise<DecisionRow[]> {
    return this.#run(() => (this.#db.prepare(`SELECT ${DECISION_COLUMNS} FROM decisions WHERE ledger_index = ? ORDER BY position`).all(ledgerIndex) as Row[]).map(toDecision));
  }

  countDecisions(): Promise<number> {
    return this.#run(() => (this.#db.prepare('SELECT count(*) AS n FROM decisions').get() as Row).n as number);
  }

  labels(ids: readonly string[]): Promise<Map<string, LabelRow>> {
    return this.#run(() => {
      const found = new Map<string, LabelRow>();
      for (let at = 0; at < ids.length; at += DECISION_CHUNK) {
        const part = ids.slice(at, at + DECISION_CHUNK);
        const rows = this.#db.prepare(`SELECT ${LABEL_COLUMNS} FROM labels WHERE decision_id IN (${part.map(() => '?').join(', ')})`).all(...part) as Row[];
        for (const row of rows) found.set(row.decision_id as string, toLabel(row));
      }
      return found;
    });
  }

  insertLabels(rows: readonly LabelRow[]): Promise<string[]> {
    return this.#transaction(() => this.insertLabelRows(rows).map((row) => row.decisionId));
  }

  /** Like insertDecisionRows: inside the caller's transaction, the rows this call inserted. */
  insertLabelRows(rows: readonly LabelRow[]): LabelRow[] {
    return rows.filter((row) => this.#changed(this.#insertLabel.run(row.decisionId, row.recordedAt, row.ledgerIndex, row.position, row.record)));
  }

  labelsInLeaf(ledgerIndex: number): Promise<LabelRow[]> {
    return this.#run(() => (this.#db.prepare(`SELECT ${LABEL_COLUMNS} FROM labels WHERE ledger_index = ? ORDER BY position`).all(ledgerIndex) as Row[]).map(toLabel));
  }

  #changed(result: { changes: number | bigint }): boolean {
    return Number(result.changes) === 1;
  }

  #transaction<T>(work: () => T): Promise<T> {
    return this.#run(() => {
      this.#db.exec('BEGIN IMMEDIATE');
      try {
        const result = work();
        this.#db.exec('COMMIT');
        return result;
      } catch (error) {
        this.#db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  #run<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(sqliteError(error, this.#location));
    }
  }
}

function toDecision(row: Row): DecisionRow {
  return {
    id: row.id as string,
    model: row.model as string,
    version: row.version as string,
    decidedAt: row.decided_at as string,
    ledgerIndex: row.ledger_index as number,
    position: row.position as number,
    record: row.record as string,
  };
}

function toLabel(row: Row): LabelRow {
  return {
    decisionId: row.decision_id as string,
    recordedAt: row.recorded_at as string,
    ledgerIndex: row.ledger_index as number,
    position: row.position as number,
    record: row.record as string,
  };
}
