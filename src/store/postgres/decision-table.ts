import type pg from 'pg';
import { DECISION_CHUNK, type DecisionRow, type DecisionStore, type LabelRow } from '../decisions.ts';
import type { InsertedRow } from '../leaf-rows.ts';
import { instant, int, type Row } from './rows.ts';

const DECISION_COLUMNS = 'id, model, version, decided_at, ledger_index, position, record';
const LABEL_COLUMNS = 'decision_id, recorded_at, ledger_index, position, record';

/**
 * The decisions and labels tables (migration 3) on the shared store. Ingest inserts its rows inside the ledger append
 * that ledgers them (insertLeafRows, called by append.ts). Rows go in as column arrays through `unnest`
 * (one statement per chunk, all chunks in one transaction); `ON CONFLICT DO NOTHING RETURNING` names the rows this
 * call inserted, so two replicas given the same decision id store it once and each knows whether it was theirs.
 */
export class PostgresDecisionTable implements DecisionStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async existingDecisions(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const { rows } = await this.#pool.query<Row>('SELECT id FROM decisions WHERE id = ANY($1::text[])', [ids]);
    return new Set(rows.map((row) => row.id as string));
  }

  async insertDecisions(rows: readonly DecisionRow[]): Promise<string[]> {
    return this.#transaction(rows, async (client, part) => (await insertDecisionChunk(client, part)).map((row) => row.key));
  }

  async decision(id: string): Promise<DecisionRow | undefined> {
    const { rows } = await this.#pool.query<Row>(`SELECT ${DECISION_COLUMNS} FROM decisions WHERE id = $1`, [id]);
    return rows[0] === undefined ? undefined : toDecision(rows[0]);
  }

  async decisionsInLeaf(ledgerIndex: number): Promise<DecisionRow[]> {
    const { rows } = await this.#pool.query<Row>(`SELECT ${DECISION_COLUMNS} FROM decisions WHERE ledger_index = $1 ORDER BY position`, [ledgerIndex]);
    return rows.map(toDecision);
  }

  async countDecisions(): Promise<number> {
    const { rows } = await this.#pool.query<Row>('SELECT count(*) AS n FROM decisions');
    return int(rows[0]?.n);
  }

  async labels(ids: readonly string[]): Promise<Map<string, LabelRow>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.#pool.query<Row>(`SELECT ${LABEL_COLUMNS} FROM labels WHERE decision_id = ANY($1::text[])`, [ids]);
    return new Map(rows.map((row) => [row.decision_id as string, toLabel(row)]));
  }

  async insertLabels(rows: readonly LabelRow[]): Promise<string[]> {
    return this.#transaction(rows, async (client, part) => (await insertLabelChunk(client, part)).map((row) => row.key));
  }

  async labelsInLeaf(ledgerIndex: number): Promise<LabelRow[]> {
    const { rows } = await this.#pool.query<Row>(`SELECT ${LABEL_COLUMNS} FROM labels WHERE ledger_index = $1 ORDER BY position`, [ledgerIndex]);
    return rows.map(toLabel);
  }

  /** Runs `insert` over chunks of `rows` in one transaction; the inserted ids of every chunk, in order. */
  async #transaction<R>(rows: readonly R[], insert: (client: pg.PoolClient, part: readonly R[]) => Promise<string[]>): Promise<string[]> {
    if (rows.length === 0) return [];
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const inserted: string[] = [];
      for (let at = 0; at < rows.length; at += DECISION_CHUNK) inserted.push(...(await insert(client, rows.slice(at, at + DECISION_CHUNK))));
      await client.query('COMMIT');
      return inserted;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

/**
 * Inserts the rows the leaves of an append batch carry, inside that append's transaction (append.ts), a chunk per
 * statement; the rows that went in, by key and leaf.
 */
export async function insertLeafRows(client: pg.PoolClient, decisions: readonly DecisionRow[], labels: readonly LabelRow[]): Promise<InsertedRow[]> {
  const inserted: InsertedRow[] = [];
  for (let at = 0; at < decisions.length; at += DECISION_CHUNK) inserted.push(...(await insertDecisionChunk(client, decisions.slice(at, at + DECISION_CHUNK))));
  for (let at = 0; at < labels.length; at += DECISION_CHUNK) inserted.push(...(await insertLabelChunk(client, labels.slice(at, at + DECISION_CHUNK))));
  return inserted;
}

/** One multi-row insert through unnest; RETURNING names the rows this statement inserted (not those stored before). */
async function insertDecisionChunk(client: pg.PoolClient, part: readonly DecisionRow[]): Promise<InsertedRow[]> {
  const result = await client.query<Row>(
    `INSERT INTO decisions (${DECISION_COLUMNS})
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::bigint[], $6::integer[], $7::text[])
ON CONFLICT (id) DO NOTHING RETURNING id, ledger_index`,
    [
      part.map((row) => row.id),
      part.map((row) => row.model),
      part.map((row) => row.version),
      part.map((row) => row.decidedAt),
      part.map((row) => row.ledgerIndex),
      part.map((row) => row.position),
      part.map((row) => row.record),
    ],
  );
  return result.rows.map((row) => ({ key: row.id as string, ledgerIndex: int(row.ledger_index) }));
}

async function insertLabelChunk(client: pg.PoolClient, part: readonly LabelRow[]): Promise<InsertedRow[]> {
  const result = await client.query<Row>(
    `INSERT INTO labels (${LABEL_COLUMNS})
SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::bigint[], $4::integer[], $5::text[])
ON CONFLICT (decision_id) DO NOTHING RETURNING decision_id, ledger_index`,
    [part.map((row) => row.decisionId), part.map((row) => row.recordedAt), part.map((row) => row.ledgerIndex), part.map((row) => row.position), part.map((row) => row.record)],
  );
  return result.rows.map((row) => ({ key: row.decision_id as string, ledgerIndex: int(row.ledger_index) }));
}

function toDecision(row: Row): DecisionRow {
  return {
    id: row.id as string,
    model: row.model as string,
    version: row.version as string,
    decidedAt: instant(row.decided_at),
    ledgerIndex: int(row.ledger_index),
    position: int(row.position),
    record: row.record as string,
  };
}

function toLabel(row: Row): LabelRow {
  return {
    decisionId: row.decision_id as string,
    recordedAt: instant(row.recorded_at),
    ledgerIndex: int(row.ledger_index),
    position: int(row.position),
    record: row.record as string,
  };
}
