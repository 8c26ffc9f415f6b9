import { AsyncLocalStorage } from "node:async_hooks";
import { dirname } from "node:path";
import { mkdirSync } from "node:fs";
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import { plainRows } from "../../core/duckdb-values.ts";
import { StoreError } from "./errors.ts";
import { SCHEMA, SCHEMA_VERSION } from "./schema.ts";

/** A bound value; times go in as ISO text and are cast in SQL (`$1::TIMESTAMPTZ`). */
export type Value = string | number | boolean | null;

/** Statements inside one unit of work (a transaction). */
export interface Queries {
  all<T = Record<string, unknown>>(sql: string, params?: readonly Value[]): Promise<T[]>;
  run(sql: string, params?: readonly Value[]): Promise<void>;
}

/**
 * app.duckdb, read-write, one connection. Every unit of work runs alone (a promise queue) in
 * its own transaction: writes never interleave, so no write-write conflict can occur, and a
 * read sees one consistent state. COMMIT returns after DuckDB has written and fsynced the
 * WAL, so a write the server acknowledged survives a crash of the process right after.
 * Traffic is a few people editing plans: one connection is plenty, and queuing keeps it simple.
 */
export class AppDatabase {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** The clock every write records (tests move it). */
    readonly now: () => Date,
  ) {}

  /** Opens (creating when missing) the file at `path`, or ":memory:". */
  static async open(path: string, options: { now?: () => Date } = {}): Promise<AppDatabase> {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    let instance: DuckDBInstance;
    try {
      // No SQL may read or write other files; the WAL and checkpoints are DuckDB's own.
      instance = await DuckDBInstance.create(path, { threads: "1", memory_limit: "256MB", enable_external_access: "false" });
    } catch (e) {
      const message = (e as Error).message;
      if (/lock/i.test(message)) throw new StoreError("busy", `${path} is in use by another process (is \`boussole serve\` running on it? stop it, or manage users through the API)`);
      throw new StoreError("invalid", `${path} cannot be opened: ${message.split("\n")[0]}`);
    }
    const connection = await instance.connect();
    const db = new AppDatabase(path, instance, connection, options.now ?? (() => new Date()));
    try {
      await db.migrate();
    } catch (e) {
      await db.close();
      throw e;
    }
    return db;
  }

  private async migrate(): Promise<void> {
    await this.write(async (q) => {
      await q.run(SCHEMA);
      const [row] = await q.all<{ value: string }>("SELECT value FROM meta WHERE key = 'schema'");
      if (!row) await q.run("INSERT INTO meta VALUES ('schema', $1)", [String(SCHEMA_VERSION)]);
      else if (Number(row.value) > SCHEMA_VERSION) throw new StoreError("invalid", `${this.path} has schema version ${row.value}, newer than this Boussole's (${SCHEMA_VERSION})`);
    });
  }

  /** Set while a unit of work runs: one started inside another would wait for it forever. */
  private readonly inside = new AsyncLocalStorage<true>();

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    if (this.inside.getStore()) return Promise.reject(new Error("a unit of work was started inside another (use the `q` it was given)"));
    const run = this.queue.then(() => {
      if (this.closed) throw new Error(`app database ${this.path} is closed`);
      return this.inside.run(true, work);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private readonly queries: Queries = {
    all: async <T>(sql: string, params: readonly Value[] = []) => {
      // Converted by core/duckdb-values.ts: BIGINTs that fit exactly become numbers.
      return plainRows<T>(await this.connection.runAndReadAll(sql, params as DuckDBValue[]));
    },
    run: async (sql: string, params: readonly Value[] = []) => {
      await this.connection.run(sql, params as DuckDBValue[]);
    },
  };

  /** One transaction, committed when `work` resolves, rolled back when it throws. */
  write<T>(work: (q: Queries) => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      await this.connection.run("BEGIN TRANSACTION");
      let result: T;
      try {
        result = await work(this.queries);
      } catch (e) {
        await this.connection.run("ROLLBACK").catch(() => undefined);
        throw e;
      }
      try {
        await this.connection.run("COMMIT");
      } catch (e) {
        await this.connection.run("ROLLBACK").catch(() => undefined);
        throw e;
      }
      return result;
    });
  }

  /** Reads in one transaction (a consistent snapshot). */
  read<T>(work: (q: Queries) => Promise<T>): Promise<T> {
    return this.write(work);
  }

  /** Waits for queued work, then closes (DuckDB checkpoints the WAL into the file). */
  async close(): Promise<void> {
    await this.queue;
    if (this.closed) return;
    this.closed = true;
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
