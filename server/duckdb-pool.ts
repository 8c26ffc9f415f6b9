import { DOUBLE, DuckDBInstance, LIST, listValue, VARCHAR, type DuckDBConnection, type DuckDBType, type DuckDBValue } from "@duckdb/node-api";
import { plainRows } from "../core/duckdb-values.ts";

/** A bound value: SQL text never carries a request's values, only `$n` placeholders. */
export type Param = string | number | boolean | null | readonly string[] | readonly number[];

export interface PoolOptions {
  /** Connections: concurrent cache misses run side by side instead of queueing on one. */
  connections?: number;
  memoryLimit?: string;
  threads?: number;
}

/**
 * One release's `published.duckdb`, opened READ-ONLY, with a few connections. The project's
 * `Database` (core/duckdb.ts) holds a single connection, which would serialise every request.
 */
export class ReadOnlyDuckDB {
  private readonly busy: number[];
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly connections: DuckDBConnection[],
  ) {
    this.busy = connections.map(() => 0);
  }

  static async open(path: string, options: PoolOptions = {}): Promise<ReadOnlyDuckDB> {
    const instance = await DuckDBInstance.create(path, {
      access_mode: "READ_ONLY",
      memory_limit: options.memoryLimit ?? "512MB",
      threads: String(options.threads ?? 2),
      // A server must not read or write files on a request's behalf.
      enable_external_access: "false",
    });
    const connections: DuckDBConnection[] = [];
    try {
      for (let i = 0; i < (options.connections ?? 2); i++) connections.push(await instance.connect());
    } catch (e) {
      for (const c of connections) c.closeSync();
      instance.closeSync();
      throw e;
    }
    return new ReadOnlyDuckDB(path, instance, connections);
  }

  /** Rows as plain objects, converted by core/duckdb-values.ts (BIGINTs that fit exactly become numbers). */
  async all<T = Record<string, unknown>>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    if (this.closed) throw new Error(`DuckDB ${this.path} is closed`);
    let index = 0;
    for (let i = 1; i < this.busy.length; i++) if ((this.busy[i] ?? 0) < (this.busy[index] ?? 0)) index = i;
    const connection = this.connections[index] as DuckDBConnection;
    this.busy[index] = (this.busy[index] ?? 0) + 1;
    try {
      const values: DuckDBValue[] = params.map((p) => (Array.isArray(p) ? listValue(p as DuckDBValue[]) : (p as DuckDBValue)));
      // Lists get an explicit type: DuckDB cannot infer one for an empty list.
      const types = params.map((p) => (Array.isArray(p) ? LIST(typeof p[0] === "number" ? DOUBLE : VARCHAR) : undefined)) as DuckDBType[];
      const reader = await connection.runAndReadAll(sql, values, params.some(Array.isArray) ? types : undefined);
      return plainRows<T>(reader);
    } finally {
      this.busy[index] = (this.busy[index] ?? 1) - 1;
    }
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const c of this.connections) c.closeSync();
    this.instance.closeSync();
  }
}
