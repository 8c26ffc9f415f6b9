import type { WideColumns } from "./statistics.ts";

/**
 * A column of the compiled statement's wide result, read by statistics.ts, periods.ts and
 * indirect-standardisation.ts; `what` says what it holds when the statement did not return it.
 */
export function wideColumn(columns: WideColumns, name: string, what?: string): ArrayLike<unknown> {
  const c = columns[name];
  if (!c) throw new Error(`the query returned no column ${name}${what ? ` (${what})` : ""}`);
  return c;
}

/** A value the statement left empty: NULL, or NaN in a column of numbers (core/read-columns.ts). */
export function isAbsent(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "number" && Number.isNaN(value));
}
