import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { ClaimOptions, DecisionKey, DecisionSelector, DeliveryRow, MonitorStore, WindowClaim, WindowDecision, WindowRecord } from '../monitor.ts';
import { sqliteError } from './open-database.ts';
import type { Row } from './rows.ts';

const WINDOW_COLUMNS = 'monitor, seq, name, state, owner, claimed_at, first_index, first_position, last_index, last_position, row_count, labelled, provisional, verdict, outcome, evaluated_at';
const DELIVERY_COLUMNS = 'id, monitor, rule, alert_index, slot, target, origin, notice, state, attempts, last_status, last_error, next_at, updated_at';
const WINDOW_DECISION = 'd.id, d.version, d.decided_at, d.ledger_index, d.position, d.record, l.record AS label';

/**
 * The monitoring tables (migration 4) on the embedded store. node:sqlite is synchronous, so each call is one
 * uninterrupted statement; a claim is `INSERT … ON CONFLICT DO NOTHING` or a conditional UPDATE, and `changes`
 * tells whether this caller won.
 */
export class SqliteMonitorTable implements MonitorStore {
  readonly #db: DatabaseSync;
  readonly #location: string;

  constructor(db: DatabaseSync, location: string) {
    this.#db = db;
    this.#location = location;
  }

  claimWindow(claim: WindowClaim, options: ClaimOptions): Promise<boolean> {
    return this.#run(() => {
      if (options.relabel !== undefined) {
        const sql = "UPDATE monitor_windows SET state = 'claimed', owner = ?, claimed_at = ? WHERE monitor = ? AND seq = ? AND state = 'evaluated' AND provisional = 1 AND labelled = ?";
        return changed(this.#db.prepare(sql).run(claim.owner, claim.claimedAt, claim.monitor, claim.seq, options.relabel));
      }
      const inserted = this.#db
        .prepare("INSERT INTO monitor_windows (monitor, seq, name, state, owner, claimed_at) VALUES (?, ?, ?, 'claimed', ?, ?) ON CONFLICT DO NOTHING")
        .run(claim.monitor, claim.seq, claim.name, claim.owner, claim.claimedAt);
      if (changed(inserted)) return true;
      const stale = "UPDATE monitor_windows SET owner = ?, claimed_at = ? WHERE monitor = ? AND seq = ? AND state = 'claimed' AND claimed_at < ?";
      return changed(this.#db.prepare(stale).run(claim.owner, claim.claimedAt, claim.monitor, claim.seq, options.staleBefore));
    });
  }

  finishWindow(record: WindowRecord): Promise<void> {
    return this.#run(() => {
      this.#db
        .prepare(
          `UPDATE monitor_windows SET state = ?, name = ?, first_index = ?, first_position = ?, last_index = ?, last_position = ?, row_count = ?, labelled = ?, provisional = ?, verdict = ?, outcome = ?, evaluated_at = ?
WHERE monitor = ? AND seq = ? AND owner = ?`,
        )
        .run(record.state, record.name, record.first?.ledgerIndex ?? null, record.first?.position ?? null, record.last?.ledgerIndex ?? null, record.last?.position ?? null, record.rows, record.labelled, record.provisional ? 1 : 0, record.verdict ?? null, record.outcome ?? null, record.evaluatedAt ?? null, record.monitor, record.seq, record.owner);
    });
  }

  window(monitor: string, seq: number): Promise<WindowRecord | undefined> {
    return this.#run(() => {
      const row = this.#db.prepare(`SELECT ${WINDOW_COLUMNS} FROM monitor_windows WHERE monitor = ? AND seq = ?`).get(monitor, seq) as Row | undefined;
      return row === undefined ? undefined : toWindow(row);
    });
  }

  windows(monitor: string, limit: number): Promise<WindowRecord[]> {
    return this.#run(() => (this.#db.prepare(`SELECT ${WINDOW_COLUMNS} FROM monitor_windows WHERE monitor = ? ORDER BY seq DESC LIMIT ?`).all(monitor, limit) as Row[]).map(toWindow));
  }

  decisionsInTime(selector: DecisionSelector, from: string, to: string, after: { decidedAt: string; id: string } | undefined, limit: number): Promise<WindowDecision[]> {
    const [where, values] = selectorSql(selector);
    const keyset = after === undefined ? '' : ' AND (d.decided_at, d.id) > (?, ?)';
    const sql = `SELECT ${WINDOW_DECISION} FROM decisions d LEFT JOIN labels l ON l.decision_id = d.id WHERE ${where} AND d.decided_at >= ? AND d.decided_at < ?${keyset} ORDER BY d.decided_at, d.id LIMIT ?`;
    return this.#all(sql, [...values, from, to, ...(after === undefined ? [] : [after.decidedAt, after.id]), limit]);
  }

  decisionsInOrder(selector: DecisionSelector, after: DecisionKey | undefined, limit: number): Promise<WindowDecision[]> {
    const [where, values] = selectorSql(selector);
    const keyset = after === undefined ? '' : ' AND (d.ledger_index, d.position) > (?, ?)';
    const sql = `SELECT ${WINDOW_DECISION} FROM decisions d LEFT JOIN labels l ON l.decision_id = d.id WHERE ${where}${keyset} ORDER BY d.ledger_index, d.position LIMIT ?`;
    return this.#all(sql, [...values, ...(after === undefined ? [] : [after.ledgerIndex, after.position]), limit]);
  }

  countInOrder(selector: DecisionSelector, after: DecisionKey | undefined, limit: number): Promise<number> {
    const [where, values] = selectorSql(selector);
    const keyset = after === undefined ? '' : ' AND (d.ledger_index, d.position) > (?, ?)';
    return this.#count(`SELECT count(*) AS n FROM (SELECT 1 FROM decisions d WHERE ${where}${keyset} LIMIT ?)`, [...values, ...(after === undefined ? [] : [after.ledgerIndex, after.position]), limit]);
  }

  decisionKeyAt(selector: DecisionSelector, after: DecisionKey | undefined, offset: number): Promise<DecisionKey | undefined> {
    const [where, values] = selectorSql(selector);
    const keyset = after === undefined ? '' : ' AND (d.ledger_index, d.position) > (?, ?)';
    const sql = `SELECT d.ledger_index, d.position FROM decisions d WHERE ${where}${keyset} ORDER BY d.ledger_index, d.position LIMIT 1 OFFSET ?`;
    return this.#run(() => {
      const row = this.#db.prepare(sql).get(...values, ...(after === undefined ? [] : [after.ledgerIndex, after.position]), offset) as Row | undefined;
      return row === undefined ? undefined : { ledgerIndex: row.ledger_index as number, position: row.position as number };
    });
  }

  firstDecisionAt(selector: DecisionSelector, from: string): Promise<string | undefined> {
    const [where, values] = selectorSql(selector);
    return this.#run(() => {
      const row = this.#db.prepare(`SELECT min(d.decided_at) AS at FROM decisions d WHERE ${where} AND d.decided_at >= ?`).get(...values, from) as Row;
      return row.at === null ? undefined : (row.at as string);
    });
  }

  labelledInTime(selector: DecisionSelector, from: string, to: string): Promise<number> {
    const [where, values] = selectorSql(selector);
    return this.#count(`SELECT count(*) AS n FROM decisions d JOIN labels l ON l.decision_id = d.id WHERE ${where} AND d.decided_at >= ? AND d.decided_at < ?`, [...values, from, to]);
  }

  labelledInOrder(selector: DecisionSelector, first: DecisionKey, last: DecisionKey): Promise<number> {
    const [where, values] = selectorSql(selector);
    return this.#count(`SELECT count(*) AS n FROM decisions d JOIN labels l ON l.decision_id = d.id WHERE ${where} AND (d.ledger_index, d.position) >= (?, ?) AND (d.ledger_index, d.position) <= (?, ?)`, [
      ...values,
      first.ledgerIndex,
      first.position,
      last.ledgerIndex,
      last.position,
    ]);
  }

  alertLeaves(subjects?: readonly string[]): Promise<{ index: number; leaf: Uint8Array }[]> {
    if (subjects?.length === 0) return Promise.resolve([]);
    // `kind = 'alert'` spelt as a literal, so SQLite can use the partial index
    const where = subjects === undefined ? '' : ` AND subject IN (${subjects.map(() => '?').join(', ')})`;
    return this.#run(() =>
      (this.#db.prepare(`SELECT idx, leaf FROM ledger_leaves WHERE kind = 'alert'${where} ORDER BY idx`).all(...(subjects ?? [])) as Row[]).map((row) => ({ index: row.idx as number, leaf: new Uint8Array(row.leaf as Uint8Array) })),
    );
  }

  addDeliveries(rows: readonly DeliveryRow[]): Promise<void> {
    return this.#run(() => {
      const insert = this.#db.prepare(`INSERT INTO monitor_deliveries (${DELIVERY_COLUMNS}) VALUES (${Array.from({ length: 14 }, () => '?').join(', ')}) ON CONFLICT DO NOTHING`);
      this.#db.exec('BEGIN IMMEDIATE');
      try {
        for (const row of rows) insert.run(...deliveryValues(row));
        this.#db.exec('COMMIT');
      } catch (error) {
        this.#db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  dueDeliveries(now: string, monitors: readonly string[], limit: number): Promise<DeliveryRow[]> {
    if (monitors.length === 0) return Promise.resolve([]);
    const names = monitors.map(() => '?').join(', ');
    const sql = `SELECT ${DELIVERY_COLUMNS} FROM monitor_deliveries WHERE state = 'pending' AND next_at <= ? AND monitor IN (${names}) ORDER BY next_at, id LIMIT ?`;
    return this.#run(() => (this.#db.prepare(sql).all(now, ...monitors, limit) as Row[]).map(toDelivery));
  }

  leaseDelivery(id: string, nextAt: string, leaseUntil: string): Promise<boolean> {
    return this.#run(() => changed(this.#db.prepare("UPDATE monitor_deliveries SET next_at = ? WHERE id = ? AND state = 'pending' AND next_at = ?").run(leaseUntil, id, nextAt)));
  }

  updateDelivery(row: DeliveryRow): Promise<void> {
    return this.#run(() => {
      this.#db
        .prepare('UPDATE monitor_deliveries SET state = ?, attempts = ?, last_status = ?, last_error = ?, next_at = ?, updated_at = ? WHERE id = ?')
        .run(row.state, row.attempts, row.lastStatus ?? null, row.lastError ?? null, row.nextAt, row.updatedAt, row.id);
    });
  }

  deliveries(monitor?: string): Promise<DeliveryRow[]> {
    const where = monitor === undefined ? '' : ' WHERE monitor = ?';
    return this.#run(() => (this.#db.prepare(`SELECT ${DELIVERY_COLUMNS} FROM monitor_deliveries${where} ORDER BY alert_index DESC, slot`).all(...(monitor === undefined ? [] : [monitor])) as Row[]).map(toDelivery));
  }

  #all(sql: string, values: SQLInputValue[]): Promise<WindowDecision[]> {
    return this.#run(() => (this.#db.prepare(sql).all(...values) as Row[]).map(toWindowDecision));
  }

  #count(sql: string, values: SQLInputValue[]): Promise<number> {
    return this.#run(() => (this.#db.prepare(sql).get(...values) as Row).n as number);
  }

  #run<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(sqliteError(error, this.#location));
    }
  }
}

function selectorSql(selector: DecisionSelector): [string, SQLInputValue[]] {
  return selector.version === undefined ? ['d.model = ?', [selector.model]] : ['d.model = ? AND d.version = ?', [selector.model, selector.version]];
}

function changed(result: { changes: number | bigint }): boolean {
  return Number(result.changes) === 1;
}

function toWindow(row: Row): WindowRecord {
  return {
    monitor: row.monitor as string,
    seq: row.seq as number,
    name: row.name as string,
    state: row.state as WindowRecord['state'],
    owner: row.owner as string,
    claimedAt: row.claimed_at as string,
    ...(row.first_index === null ? {} : { first: { ledgerIndex: row.first_index as number, position: row.first_position as number } }),
    ...(row.last_index === null ? {} : { last: { ledgerIndex: row.last_index as number, position: row.last_position as number } }),
    rows: row.row_count as number,
    labelled: row.labelled as number,
    provisional: row.provisional === 1,
    ...(row.verdict === null ? {} : { verdict: row.verdict as string }),
    ...(row.outcome === null ? {} : { outcome: row.outcome as 'pass' | 'fail' }),
    ...(row.evaluated_at === null ? {} : { evaluatedAt: row.evaluated_at as string }),
  };
}

function toWindowDecision(row: Row): WindowDecision {
  return {
    id: row.id as string,
    version: row.version as string,
    decidedAt: row.decided_at as string,
    key: { ledgerIndex: row.ledger_index as number, position: row.position as number },
    record: row.record as string,
    ...(row.label === null ? {} : { label: row.label as string }),
  };
}

function deliveryValues(row: DeliveryRow): SQLInputValue[] {
  return [row.id, row.monitor, row.rule, row.alertIndex, row.slot, row.target, row.origin, row.notice, row.state, row.attempts, row.lastStatus ?? null, row.lastError ?? null, row.nextAt, row.updatedAt];
}

function toDelivery(row: Row): DeliveryRow {
  return {
    id: row.id as string,
    monitor: row.monitor as string,
    rule: row.rule as string,
    alertIndex: row.alert_index as number,
    slot: row.slot as number,
    target: row.target as string,
    origin: row.origin as string,
    notice: row.notice as string,
    state: row.state as DeliveryRow['state'],
    attempts: row.attempts as number,
    ...(row.last_status === null ? {} : { lastStatus: row.last_status as number }),
    ...(row.last_error === null ? {} : { lastError: row.last_error as string }),
    nextAt: row.next_at as string,
    updatedAt: row.updated_at as string,
  };
}
