import { fileKinds, sqlType } from "./index.ts";
import type { ColumnSpec, FileKind } from "./index.ts";
import { ident } from "../core/duckdb.ts";
import { PERSON_KEY_TABLE_SQL } from "./person-key.ts";

/** Warehouse column name of a contract column. */
export const storedName = (spec: ColumnSpec): string => spec.storedAs ?? spec.name;

/** Columns every file kind stores, plus the load batch each row came from. */
function tableDefinition(kind: FileKind): string {
  const columns = kind.columns.map((c) => `${ident(storedName(c))} ${sqlType(c.type)}`);
  if (kind.id === "statbel_population" && !kind.columns.some((c) => storedName(c) === "year")) columns.push(`"year" INTEGER`);
  return `CREATE TABLE ${ident(kind.id)} (${columns.join(", ")}, batch_id VARCHAR NOT NULL)`;
}

/** The warehouse schema: one table per file kind, boundaries, and the load batches. */
export function warehouseSchema(): string[] {
  return [
    `CREATE TABLE load_batch (batch_id VARCHAR PRIMARY KEY, source_dir VARCHAR, vintage INTEGER, started_at TIMESTAMP, finished_at TIMESTAMP, tool_version VARCHAR, file_count INTEGER, row_count BIGINT, producer VARCHAR, synthetic BOOLEAN)`,
    `CREATE TABLE load_file (batch_id VARCHAR, file_name VARCHAR, kind VARCHAR, format VARCHAR, sha256 VARCHAR, bytes BIGINT, row_count BIGINT)`,
    // Rows per table and year (and survey), for computing indicators without scanning (etl/load/year-rows.ts).
    `CREATE TABLE load_year (table_name VARCHAR, year INTEGER, survey VARCHAR, row_count BIGINT)`,
    // Whether a hash of the pseudonyms is a key of the persons (contract/person-key.ts).
    PERSON_KEY_TABLE_SQL,
    `CREATE TABLE geo_boundary (level VARCHAR, code VARCHAR, geometry JSON, batch_id VARCHAR NOT NULL)`,
    ...fileKinds.map(tableDefinition),
  ];
}
