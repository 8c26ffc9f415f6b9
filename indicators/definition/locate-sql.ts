/**
 * Where a line of a definition's `sql` is written in its YAML file, so that a problem found
 * in the query (by the SQL guard or by DuckDB) sends the analyst to the right line.
 *
 * In a literal block (`sql: |`), the query's lines are the file's lines, indented: line k of
 * the query is k lines below the first line of the block (blank lines at the top are dropped,
 * as the schema trims the text). In any other style (plain, quoted, folded `>`), lines are
 * joined or escaped and cannot be mapped back: the position of the value is given instead.
 */
import { isScalar } from "yaml";
import type { Document, LineCounter } from "yaml";
import type { Locate, Position } from "./locate.ts";

/** A position in the file from a 1-based line and column of the (trimmed) query. */
export type LocateSql = (queryLine?: number, queryColumn?: number) => Position;

export function sqlLocator(text: string, doc: Document, lineCounter: LineCounter, locate: Locate): LocateSql {
  const node = doc.getIn(["sql"], true);
  const lines = text.split(/\r?\n/);
  return (queryLine, queryColumn) => {
    const value = locate(["sql"]);
    if (!isScalar(node) || node.type !== "BLOCK_LITERAL" || !node.range || typeof node.value !== "string" || queryLine === undefined) return value;
    const header = lineCounter.linePos(node.range[0]).line;
    const raw = node.value;
    const dropped = raw.slice(0, raw.length - raw.trimStart().length).split("\n").length - 1;
    const first = header + 1 + dropped;
    const line = first + (queryLine - 1);
    // The block's indentation is that of its first line (YAML requires it of the others).
    const top = lines[first - 1];
    if (top === undefined || lines[line - 1] === undefined) return value;
    const indent = top.length - top.trimStart().length;
    return { line, column: indent + (queryColumn ?? 1) };
  };
}
