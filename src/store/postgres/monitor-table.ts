import type pg from 'pg';
import type { ClaimOptions, DecisionKey, DecisionSelector, DeliveryRow, MonitorStore, WindowClaim, WindowDecision, WindowRecord } from '../monitor.ts';
import { bytes, instant, int, type Row } from './rows.ts';

const WINDOW_COLUMNS = 'monitor, seq, name, state, owner, claimed_at, first_index, first_position, last_index, last_position, row_count, labelled, provisional, verdict, outcome, evaluated_at';
const DELIVERY_COLUMNS = 'id, monitor, rule, alert_index, slot, target, origin, notice, state, attempts, last_status, last_error, next_at, updated_at';
const WINDOW_DECISION = 'd.id, d.version, d.decided_at, d.ledger_index, d.position, d.record, l.record AS label';

/**
 * The monitoring tables (migration 4) on the shared store. A claim is a single statement — `INSERT … ON CONFLICT DO
 * NOTHING`, or an UPDATE whose WHERE is the expected old state — so when two replicas claim one window at the same
 * moment PostgreSQL's row lock lets exactly one of them change the row, and rowCount tells each which it was.
 */
export class PostgresMonitorTable implements MonitorStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async claimWindow(claim: WindowClaim, options: ClaimOptions): Promise<boolean> {
    if (options.relabel !== undefined) {
      const sql = "UPDATE monitor_windows SET state = 'claimed', owner = $1, claimed_at = $2 WHERE monitor = $3 AND seq = $4 AND state = 'evaluated' AND provisional AND labelled = $5";
      return (await this.#pool.query(sql, [claim.owner, claim.claimedAt, claim.monitor, claim.seq, options.relabel])).rowCount === 1;
    }
    const inserted = await this.#pool.query("INSERT INTO monitor_windows (monitor, seq, name, state, owner, claimed_at) VALUES ($1, $2, $3, 'claimed', $4, $5) ON CONFLICT DO NOTHING", [
      claim.monitor,
      claim.seq,
      claim.name,
      claim.owner,
      claim.claimedAt,
    ]);
    if (inserted.rowCount === 1) return true;
    const stale = "UPDATE monitor_windows SET owner = $1, claimed_at = $2 WHERE monitor = $3 AND seq = $4 AND state = 'claimed' AND claimed_at < $5";
    return (await this.#pool.query(stale, [claim.owner, claim.claimedAt, claim.monitor, claim.seq, options.staleBefore])).rowCount === 1;
  }

  async finishWindow(record: WindowRecord): Promise<void> {
    await this.#pool.query(
      `UPDATE monitor_windows SET state = $1, name = $2, first_index = $3, first_position = $4, last_index = $5, last_position = $6, row_count = $7, labelled = $8, provisional = $9, verdict = $10, outcome = $11, evaluated_at = $12
WHERE monitor = $13 AND seq = $14 AND owner = $15`,
      [record.state, record.name, record.first?.ledgerIndex ?? null, record.first?.position ?? null, record.last?.ledgerIndex ?? null, record.last?.position ?? null, record.rows, record.labelled, record.provisional, record.verdict ?? null, record.outcome ?? null, record.evaluatedAt ?? null, record.monitor, record.seq, record.owner],
    );
  }

  async window(monitor: string, seq: number): Promise<WindowRecord | undefined> {
    const { rows } = await this.#pool.query<Row>(`SELECT ${WINDOW_COLUMNS} FROM monitor_windows WHERE monitor = $1 AND seq = $2`, [monitor, seq]);
    return rows[0] === undefined ? undefined : toWindow(rows[0]);
  }

  async windows(monitor: string, limit: number): Promise<WindowRecord[]> {
    const { rows } = await this.#pool.query<Row>(`SELECT ${WINDOW_COLUMNS} FROM monitor_windows WHERE monitor = $1 ORDER BY seq DESC LIMIT $2`, [monitor, limit]);
    return rows.map(toWindow);
  }

  async decisionsInTime(selector: DecisionSelector, from: string, to: string, after: { decidedAt: string; id: string } | undefined, limit: number): Promise<WindowDecision[]> {
    const values: unknown[] = [];
    const where = selectorSql(selector, values);
    values.push(from, to);
    let sql = `SELECT ${WINDOW_DECISION} FROM decisions d LEFT JOIN labels l ON l.decision_id = d.id WHERE ${where} AND d.decided_at >= $${values.length - 1} AND d.decided_at < $${values.length}`;
    if (after !== undefined) {
      values.push(after.decidedAt, after.id);
      sql += ` AND (d.decided_at, d.id) > ($${values.length - 1}::timestamptz, $${values.length})`;
    }
    values.push(limit);
    sql += ` ORDER BY d.decided_at, d.id LIMIT $${values.length}`;
    return (await this.#pool.query<Row>(sql, values)).rows.map(toWindowDecision);
  }

  async decisionsInOrder(selector: DecisionSelector, after: DecisionKey | undefined, limit: number): Promise<WindowDecision[]> {
    const values: unknown[] = [];
    const where = selectorSql(selector, values);
    const keyset = afterInOrder(after, values);
    values.push(limit);
    const sql = `SELECT ${WINDOW_DECISION} FROM decisions d LEFT JOIN labels l ON l.decision_id = d.id WHERE ${where}${keyset} ORDER BY d.ledger_index, d.position LIMIT $${values.length}`;
    return (await this.#pool.query<Row>(sql, values)).rows.map(toWindowDecision);
  }

  async countInOrder(selector: DecisionSelector, after: DecisionKey | undefined, limit: number): Promise<number> {
    const values: unknown[] = [];
    const where = selectorSql(selector, values);
    const keyset = afterInOrder(after, values);
    values.push(limit);
    const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM decisions d WHERE ${where}${keyset} LIMIT $${values.length}) AS t`;
    return int((await this.#pool.query<Row>(sql, values)).rows[0]?.n);
  }

  async decisionKeyAt(selector: DecisionSelector, after: DecisionKey | undefined, offset: number): Promise<DecisionKey | undefined> {
    const values: unknown[] = [];
    const where = selectorSql(selector, values);
    const keyset = afterInOrder(after, values);
    values.push(offset);
    const sql = `SELECT d.ledger_index, d.position FROM decisions d WHERE ${where}${keyset} ORDER BY d.ledger_index, d.position LIMIT 1 OFFSET $${values.length}`;
    const row = (await this.#pool.query<Row>(sql, values)).rows[0];
    return row === undefined ? undefined : { ledgerIndex: int(row.ledger_index), position: int(row.position) };
  }

  async firstDecisionAt(selector: DecisionSelector, from: string): Promise<string | undefined> {
    const values: unknown[] = [];
    const where = selectorSql(selector, values);
    values.push(from);
    const { rows } = await this.#pool.query<Row>(`SELECT min(d.decided_at) AS at FROM decisions d WHERE ${where} AND d.decided_at >= $${values.length}`, values);
    return rows[0]?.at === null || rows[0]?.at === undefined ? undefined : instant(rows[0].at);
  }

  async labelledInTime(selector: DecisionSelector, from: string, to: string): Promise<number> {
    const values: unknown[] = [];
    const where = selectorSql(selector, values);
    values.push(from, to);
    const { rows } = await this.#pool.query<Row>(`SELECT count(*) AS n FROM decisions d JOIN labels l ON l.decision_id = d.id WHERE ${where} AND d.decided_at >= $${values.length - 1} AND d.decided_at < $${values.length}`, values);
    return int(rows[0]?.n);
  }

  async labelledInOrder(selector: DecisionSelector, first: DecisionKey, last: DecisionKey): Promise<number> {
    const values: unknown[] = [];
    const where = selectorSql(selector, values);
    values.push(first.ledgerIndex, first.position, last.ledgerIndex, last.position);
    const n = values.length;
    const sql = `SELECT count(*) AS n FROM decisions d JOIN labels l ON l.decision_id = d.id WHERE ${where} AND (d.ledger_index, d.position) >= ($${n - 3}::bigint, $${n - 2}::integer) AND (d.ledger_index, d.position) <= ($${n - 1}::bigint, $${n}::integer)`;
    return int((await this.#pool.query<Row>(sql, values)).rows[0]?.n);
  }

  async alertLeaves(subjects?: readonly string[]): Promise<{ index: number; leaf: Uint8Array }[]> {
    if (subjects?.length === 0) return [];
    const where = subjects === undefined ? '' : ' AND subject = ANY($1::text[])';
    const { rows } = await this.#pool.query<Row>(`SELECT idx, leaf FROM ledger_leaves WHERE kind = 'alert'${where} ORDER BY idx`, subjects === undefined ? [] : [subjects]);
    return rows.map((row) => ({ index: int(row.idx), leaf: bytes(row.leaf) }));
  }

  async addDeliveries(rows: readonly DeliveryRow[]): Promise<void> {
    if (rows.length === 0) return;
    const columns = rows.map(deliveryValues);
    const arrays = Array.from({ length: 14 }, (_, k) => columns.map((row) => row[k]));
    await this.#pool.query(
      `INSERT INTO monitor_deliveries (${DELIVERY_COLUMNS})
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::integer[], $6::text[], $7::text[], $8::text[], $9::text[], $10::integer[], $11::integer[], $12::text[], $13::timestamptz[], $14::timestamptz[])
ON CONFLICT (id) DO NOTHING`,
      arrays,
    );
  }

  async dueDeliveries(now: string, monitors: readonly string[], limit: number): Promise<DeliveryRow[]> {
    const { rows } = await this.#pool.query<Row>(
      `SELECT ${DELIVERY_COLUMNS} FROM monitor_deliveries WHERE state = 'pending' AND next_at <= $1 AND monitor = ANY($2::text[]) ORDER BY next_at, id LIMIT $3`,
      [now, [...monitors], limit],
    );
    return rows.map(toDelivery);
  }

  async leaseDelivery(id: string, nextAt: string, leaseUntil: string): Promise<boolean> {
    return (await this.#pool.query("UPDATE monitor_deliveries SET next_at = $1 WHERE id = $2 AND state = 'pending' AND next_at = $3", [leaseUntil, id, nextAt])).rowCount === 1;
  }

  async updateDelivery(row: DeliveryRow): Promise<void> {
    await this.#pool.query('UPDATE monitor_deliveries SET state = $1, attempts = $2, last_status = $3, last_error = $4, next_at = $5, updated_at = $6 WHERE id = $7', [
      row.state,
      row.attempts,
      row.lastStatus ?? null,
      row.lastError ?? null,
      row.nextAt,
      row.updatedAt,
      row.id,
    ]);
  }

  async deliveries(monitor?: string): Promise<DeliveryRow[]> {
    const where = monitor === undefined ? '' : ' WHERE monitor = $1';
    const { rows } = await this.#pool.query<Row>(`SELECT ${DELIVERY_COLUMNS} FROM monitor_deliveries${where} ORDER BY alert_index DESC, slot`, monitor === undefined ? [] : [monitor]);
    return rows.map(toDelivery);
  }
}

/** The model (and version) condition, its values appended to `values` ($1, $2, …). */
function selectorSql(selector: DecisionSelector, values: unknown[]): string {
  values.push(selector.model);
  if (selector.version === undefined) return `d.model = $${values.length}`;
  values.push(selector.version);
  return `d.model = $${values.length - 1} AND d.version = $${values.length}`;
}

function toWindow(row: Row): WindowRecord {
  return {
    monitor: row.monitor as string,
    seq: int(row.seq),
    name: row.name as string,
    state: row.state as WindowRecord['state'],
    owner: row.owner as string,
    claimedAt: instant(row.claimed_at),
    ...(row.first_index === null ? {} : { first: { ledgerIndex: int(row.first_index), position: int(row.first_position) } }),
    ...(row.last_index === null ? {} : { last: { ledgerIndex: int(row.last_index), position: int(row.last_position) } }),
    rows: int(row.row_count),
    labelled: int(row.labelled),
    provisional: row.provisional === true,
    ...(row.verdict === null ? {} : { verdict: row.verdict as string }),
    ...(row.outcome === null ? {} : { outcome: row.outcome as 'pass' | 'fail' }),
    ...(row.evaluated_at === null ? {} : { evaluatedAt: instant(row.evaluated_at) }),
  };
}

function toWindowDecision(row: Row): WindowDecision {
  return {
    id: row.id as string,
    version: row.version as string,
    decidedAt: instant(row.decided_at),
    key: { ledgerIndex: int(row.ledger_index), position: int(row.position) },
    record: row.record as string,
    ...(row.label === null ? {} : { label: row.label as string }),
  };
}

function deliveryValues(row: DeliveryRow): unknown[] {
  return [row.id, row.monitor, row.rule, row.alertIndex, row.slot, row.target, row.origin, row.notice, row.state, row.attempts, row.lastStatus ?? null, row.lastError ?? null, row.nextAt, row.updatedAt];
}

function toDelivery(row: Row): DeliveryRow {
  return {
    id: row.id as string,
    monitor: row.monitor as string,
    rule: row.rule as string,
    alertIndex: int(row.alert_index),
    slot: int(row.slot),
    target: row.target as string,
    origin: row.origin as string,
    notice: row.notice as string,
    state: row.state as DeliveryRow['state'],
    attempts: int(row.attempts),
    ...(row.last_status === null ? {} : { lastStatus: int(row.last_status) }),
    ...(row.last_error === null ? {} : { lastError: row.last_error as string }),
    nextAt: instant(row.next_at),
    updatedAt: instant(row.updated_at),
  };
}

/** The keyset condition "after this decision in arrival order" (empty for the first page); pushes its parameters. */
function afterInOrder(after: DecisionKey | undefined, values: unknown[]): string {
  if (after === undefined) return '';
  values.push(after.ledgerIndex, after.position);
  return ` AND (d.ledger_index, d.position) > ($${values.length - 1}::bigint, $${values.length}::integer)`;
}
