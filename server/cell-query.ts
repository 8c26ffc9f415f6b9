import { LEVELS } from "./catalog.ts";
import { CELL_COLUMN_NAMES, CELL_SELECT, toCell, type Cell, type CellColumn } from "./cells.ts";
import type { ReadOnlyDuckDB, Param } from "./duckdb-pool.ts";

const ALLOWED = new Set<string>(CELL_COLUMN_NAMES);
const LEVEL_ORDER = `CASE level ${LEVELS.map((l, i) => `WHEN '${l}' THEN ${i}`).join(" ")} END`;

/**
 * WHERE clauses over `cell`: identifiers come from the column allow-list (checked again at run
 * time), values only ever as `$n` parameters.
 */
export class CellFilter {
  private readonly clauses: string[] = [];

  /** Alternatives built by `anyOf` share their parent's parameter list. */
  constructor(readonly params: Param[] = []) {}

  private column(name: CellColumn): string {
    if (!ALLOWED.has(name)) throw new Error(`not a cell column: ${name}`);
    return name;
  }

  private bind(value: Param): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  eq(name: CellColumn, value: string | number): this {
    this.clauses.push(`${this.column(name)} = ${this.bind(value)}`);
    return this;
  }

  /** NULL-safe equality on a nullable text column (system_code). */
  same(name: CellColumn, value: string | null): this {
    this.clauses.push(`coalesce(${this.column(name)}, '') = ${this.bind(value ?? "")}`);
    return this;
  }

  in(name: CellColumn, values: readonly string[] | readonly number[]): this {
    const typed = typeof values[0] === "number" ? `CAST(${this.column(name)} AS DOUBLE)` : this.column(name);
    this.clauses.push(`list_contains(${this.bind(values)}, ${typed})`);
    return this;
  }

  /** Any of several alternatives, each a conjunction. */
  anyOf(build: ((f: CellFilter) => void)[]): this {
    const parts = build.map((b) => {
      const sub = new CellFilter(this.params);
      b(sub);
      return `(${sub.clauses.join(" AND ") || "TRUE"})`;
    });
    this.clauses.push(`(${parts.join(" OR ") || "FALSE"})`);
    return this;
  }

  get where(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(" AND ")}` : "";
  }
}

export async function selectCells(db: ReadOnlyDuckDB, filter: CellFilter, limit?: number): Promise<Cell[]> {
  const limitClause = limit === undefined ? "" : ` LIMIT ${Math.floor(limit)}`;
  const rows = await db.all(`SELECT ${CELL_SELECT} FROM cell ${filter.where} ORDER BY year, ${LEVEL_ORDER}, system_code NULLS FIRST, area_code, stratum, stratum_value${limitClause}`, filter.params);
  return rows.map(toCell);
}
