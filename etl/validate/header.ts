import type { FileKind } from "../../contract/index.ts";
import type { ValidationReport } from "./report.ts";
import { closest } from "../../core/suggest.ts";

/** Where each contract column sits in a file, and the name the file gives it. */
export interface HeaderMapping {
  /** Contract column name → index in the file's fields (absent optional columns are missing). */
  index: Map<string, number>;
  /** Contract column name → header name in the file (e.g. CD_MUNTY_REFNIS for CD_REFNIS). */
  source: Map<string, string>;
  width: number;
}

/** Matches a header against the contract; reports missing, unknown and repeated columns. */
export function mapHeader(kind: FileKind, columns: string[], report: ValidationReport, file: string): HeaderMapping | null {
  const index = new Map<string, number>();
  const source = new Map<string, string>();
  const seen = new Map<string, number>();
  columns.forEach((c, i) => {
    const lower = c.toLowerCase();
    if (seen.has(lower)) report.error("header.duplicate-column", file, `column ${c} appears twice in the header`, { line: 1, column: c });
    seen.set(lower, i);
  });

  const known = new Set<string>();
  for (const spec of kind.columns) {
    for (const name of [spec.name, ...(spec.aliases ?? [])]) {
      known.add(name.toLowerCase());
      const i = seen.get(name.toLowerCase());
      if (i !== undefined && !index.has(spec.name)) {
        index.set(spec.name, i);
        source.set(spec.name, columns[i] as string);
      }
    }
  }
  const unknown = columns.filter((c) => !known.has(c.toLowerCase()));
  const missing = kind.columns.filter((s) => s.required && !index.has(s.name)).map((s) => s.name);

  for (const name of missing) {
    const guess = closest(name, unknown);
    report.error("header.missing-column", file, `required column ${name} is missing${guess ? ` (is ${guess} a misspelling of ${name}?)` : ""}`, { line: 1, column: name });
  }
  if (kind.unknownColumns === "refuse") {
    for (const name of unknown) {
      const guess = closest(
        name,
        kind.columns.map((s) => s.name),
      );
      report.error(
        "header.unknown-column",
        file,
        guess
          ? `column ${name} is not in the contract; did you mean ${guess}?`
          : `column ${name} is not in the contract (person-level files may hold only the contract's columns, so that no identifier slips in)`,
        { line: 1, column: name },
      );
    }
  }
  if (columns.length === 0) report.error("file.empty", file, "the file is empty (no header line)", { line: 1 });
  return missing.length === 0 && columns.length > 0 ? { index, source, width: columns.length } : null;
}
