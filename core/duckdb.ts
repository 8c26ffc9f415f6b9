import { totalmem } from "node:os";
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { plainRows } from "./duckdb-values.ts";

/** A quarter of the machine's memory, from 1 GB to 8 GB: large loads spill to disk beyond it. */
export function defaultMemoryLimit(): string {
  const gb = Math.min(8, Math.max(1, Math.floor(totalmem() / 4 / 2 ** 30)));
  return `${gb}GB`;
}

export interface DuckDBOptions {
  /** DuckDB's memory_limit, e.g. "1GB": loads stream and spill instead of growing. */
  memoryLimit?: string;
  threads?: number;
  readOnly?: boolean;
}

/** One DuckDB file (or ":memory:") with one connection: a connection runs one statement at a time. */
export class Database {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(path: string, options: DuckDBOptions = {}): Promise<Database> {
    // Row order within a table carries no meaning here: letting DuckDB drop it saves memory and time.
    const memoryLimit = options.memoryLimit ?? defaultMemoryLimit();
    const config: Record<string, string> = { memory_limit: memoryLimit, threads: String(options.threads ?? 2), preserve_insertion_order: "false" };
    const blocks = blockAllocatorMemory(memoryLimit);
    if (blocks) config.block_allocator_memory = blocks;
    if (options.readOnly) config.access_mode = "READ_ONLY";
    const instance = await DuckDBInstance.create(path, config);
    const connection = await instance.connect();
    return new Database(path, instance, connection);
  }

  async run(sql: string, params: (string | number | boolean | null)[] = []): Promise<void> {
    await this.connection.run(sql, params);
  }

  /** Rows as plain objects, converted by core/duckdb-values.ts (BIGINTs that fit exactly become numbers). */
  async all<T = Record<string, unknown>>(sql: string, params: (string | number | boolean | null)[] = []): Promise<T[]> {
    return plainRows<T>(await this.connection.runAndReadAll(sql, params));
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

const UNITS: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40 };

/**
 * Half the memory limit kept by DuckDB's block allocator instead of being given back to the
 * system after each operator: without it, the buffers of large scans and joins are mapped and
 * unmapped again and again (the kernel's time in `indicators compute` at 0.2: 20–26 s → 13–16 s
 * of 55–85 s, the cells the same; see docs/performance.md). The pages are the process's until
 * the database is closed, and never more than it would use anyway. Null when the limit is not
 * a plain size (DuckDB then refuses it).
 */
export function blockAllocatorMemory(memoryLimit: string): string | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]i?b|b)?\s*$/i.exec(memoryLimit);
  if (!match) return null;
  const bytes = Number(match[1]) * (UNITS[(match[2] ?? "b").toLowerCase()] as number);
  const half = Math.floor(bytes / 2 / 2 ** 20);
  return half > 0 ? `${half}MiB` : null;
}

/** A SQL string literal (a code, a file's delimiter, a value from a header). */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quotes an identifier (column or table name coming from a file header). */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
