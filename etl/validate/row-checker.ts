import { isNationalRegisterNumber, maskIdentifier } from "../../contract/index.ts";
import type { FileKind, ParsedRow, ReferenceName } from "../../contract/index.ts";
import type { HeaderMapping } from "./header.ts";
import type { References } from "./references.ts";
import type { ValidationReport } from "./report.ts";
import { compileValueCheck, Invalid } from "./value-check.ts";

const REFERENCE_WORDS: Record<ReferenceName, string> = {
  municipality: "municipality",
  sector: "statistical sector",
  zone: "zone",
  zoneSystem: "zone system",
};

export interface RowCheckerOptions {
  kind: FileKind;
  file: string;
  header: string[];
  mapping: HeaderMapping;
  /** Null while the geography itself is being read. */
  references: References | null;
  report: ValidationReport;
  today: Date;
  /** Keep the parsed rows (geography files: the rest is checked against them). */
  collect?: ParsedRow[];
}

/** Checks every row of one file against its kind: shape, values, codes, keys, identifiers. */
export class RowChecker {
  private readonly columns: { name: string; at: number; check: ReturnType<typeof compileValueCheck>; reference?: ReferenceName }[];
  private readonly keys = new Map<string, number>();
  private readonly identifierHits = new Map<number, { line: number; count: number; value: string }>();
  private readonly needsRow: boolean;
  /** Optional contract columns the file does not have: null in every parsed row. */
  private readonly absent: string[];

  constructor(private readonly o: RowCheckerOptions) {
    this.columns = o.kind.columns
      .filter((spec) => o.mapping.index.has(spec.name))
      .map((spec) => ({
        name: spec.name,
        at: o.mapping.index.get(spec.name) as number,
        check: compileValueCheck(spec, o.today),
        reference: o.kind.references?.[spec.name],
      }));
    this.absent = o.kind.columns.filter((spec) => !o.mapping.index.has(spec.name)).map((spec) => spec.name);
    this.needsRow = Boolean(o.kind.rowRules?.length || o.collect || (o.kind.key && o.kind.keyCheck === "memory"));
  }

  check(fields: string[], line: number): void {
    const { report, file, mapping, references } = this.o;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i] as string;
      if (f.length >= 11 && f.length <= 20 && isNationalRegisterNumber(f)) this.noteIdentifier(i, line, f);
    }
    if (fields.length !== mapping.width) {
      report.error("row.ragged", file, `${fields.length} field(s) where the header has ${mapping.width}`, { line });
      return;
    }
    const row: ParsedRow | null = this.needsRow ? {} : null;
    let valid = true;
    for (const c of this.columns) {
      const raw = fields[c.at] as string;
      const value = c.check(raw);
      if (value instanceof Invalid) {
        report.error(value.rule, file, value.message, { line, column: this.o.header[c.at], value: clip(raw) });
        valid = false;
        continue;
      }
      if (c.reference && value !== null && references && !references.sets[c.reference].has(String(value))) {
        report.error(
          `code.unknown-${c.reference === "zoneSystem" ? "zone-system" : c.reference}`,
          file,
          `${REFERENCE_WORDS[c.reference]} ${value} is not in the geography (vintage ${references.vintage})`,
          {
            line,
            column: this.o.header[c.at],
            value: String(value),
          },
        );
        valid = false;
      }
      if (row) row[c.name] = value;
    }
    if (!valid || !row) return;
    for (const name of this.absent) row[name] = null;
    this.checkSectors(row, line);
    for (const rule of this.o.kind.rowRules ?? []) {
      const message = rule.check(row);
      if (message !== null) {
        report.error(rule.id, file, message, { line, column: this.o.mapping.source.get(rule.column) ?? rule.column });
        valid = false;
      }
    }
    if (valid && this.o.kind.key && this.o.kind.keyCheck === "memory") {
      const key = this.o.kind.key.map((k) => String(row[k])).join("\u0000");
      const first = this.keys.get(key);
      if (first !== undefined) {
        report.error("key.duplicate", file, `same ${this.o.kind.key.join(" + ")} as line ${first}`, { line, value: this.o.kind.key.map((k) => String(row[k])).join(" / ") });
      } else this.keys.set(key, line);
    }
    if (valid && this.o.collect) {
      row._line = line;
      row._file = file;
      this.o.collect.push(row);
    }
  }

  /** Residents of a municipality split between zones need a sector, and the sector must be in it. */
  private checkSectors(row: ParsedRow, line: number): void {
    const refs = this.o.references;
    if (!refs || !("sector_code" in row) || this.o.kind.references?.nis_code !== "municipality") return;
    const nis = row.nis_code as string;
    const sector = row.sector_code as string | null;
    if (sector === null && refs.splitMunicipalities.has(nis)) {
      this.o.report.error("code.sector-required", this.o.file, `municipality ${nis} is split between zones: sector_code is required`, { line, column: "sector_code" });
    } else if (sector !== null && refs.sectorMunicipality.get(sector) !== nis) {
      this.o.report.error("code.sector-mismatch", this.o.file, `sector ${sector} is not in municipality ${nis}`, { line, column: "sector_code", value: sector });
    }
  }

  private noteIdentifier(at: number, line: number, value: string): void {
    const hit = this.identifierHits.get(at);
    if (hit) hit.count++;
    else this.identifierHits.set(at, { line, count: 1, value });
  }

  /** Reports the columns that hold national register numbers: one refusal per column. */
  finish(): void {
    for (const [at, hit] of this.identifierHits) {
      this.o.report.error(
        "identifier.national-register-number",
        this.o.file,
        `column holds ${hit.count} value(s) that pass the national register number (NISS/INSZ) check; direct identifiers are refused: remove the column or replace it with a pseudonym`,
        { line: hit.line, column: this.o.header[at] ?? `#${at + 1}`, value: maskIdentifier(hit.value) },
      );
    }
  }
}

function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}
