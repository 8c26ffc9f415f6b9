import { Database, ident } from "../../core/duckdb.ts";
import type { ExtractFile } from "../validate/extract.ts";
import { readCsv } from "../validate/csv-reader.ts";

export interface LocatedRow {
  file: string;
  line: number;
  key: string;
}

/**
 * Finds the lines whose key columns take one of the wanted values (joined by \u0000).
 * Runs only when a database check has found a problem, to name the lines.
 */
export async function locateRows(files: ExtractFile[], columns: readonly string[], wanted: Set<string>): Promise<LocatedRow[]> {
  const out: LocatedRow[] = [];
  for (const file of files) {
    const sources = columns.map((c) => file.mapping?.source.get(c));
    if (sources.some((s) => s === undefined)) continue;
    if (file.format === "parquet") {
      const db = await Database.open(":memory:", { memoryLimit: "512MB" });
      try {
        const keyExpr = sources.map((s) => `coalesce(CAST(${ident(s as string)} AS VARCHAR), '')`).join(` || chr(0) || `);
        const rows = await db.all<{ k: string; r: number }>(`SELECT ${keyExpr} AS k, (file_row_number + 2)::INTEGER AS r FROM read_parquet($1, file_row_number=true)`, [file.path]);
        for (const { k, r } of rows) if (wanted.has(k)) out.push({ file: file.name, line: r, key: k });
      } finally {
        db.close();
      }
      continue;
    }
    const at = sources.map((s) => file.headerColumns!.indexOf(s as string));
    await readCsv(file.path, {
      header: () => true,
      row: (fields, line) => {
        const key = at.map((i) => fields[i] ?? "").join("\u0000");
        if (wanted.has(key)) out.push({ file: file.name, line, key });
      },
      problem: () => {},
    });
  }
  return out;
}
