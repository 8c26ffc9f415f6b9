import { describe, expect, it } from "vitest";
import { code, int, oneOf, type ColumnSpec } from "../../contract/column.ts";
import type { FileKind } from "../../contract/file-kind.ts";
import { statbelPopulation } from "../../contract/aggregate-files.ts";
import { mapHeader } from "./header.ts";
import { ValidationReport } from "./report.ts";

const col = (name: string, required: boolean, aliases?: string[]): ColumnSpec => ({ name, type: code(/.*/, "anything"), required, aliases, description: "", example: "" });

function kind(unknownColumns: "refuse" | "ignore"): FileKind {
  return {
    id: "test_kind",
    group: "person-level",
    title: "Test",
    description: "",
    filePattern: /^test.*\.csv$/i,
    fileNameExample: "test.csv",
    required: true,
    unknownColumns,
    columns: [
      col("nis_code", true, ["CD_MUNTY_REFNIS", "refnis"]),
      { name: "year", type: int(1990, "current-year"), required: true, description: "", example: "" },
      { name: "sex", type: oneOf("M", "F"), required: true, description: "", example: "" },
      col("sector_code", false),
    ],
  };
}

function run(k: FileKind, columns: string[]) {
  const report = new ValidationReport();
  const mapping = mapHeader(k, columns, report, "test.csv");
  return { mapping, report, rules: report.issues.map((i) => `${i.rule}:${i.column}`) };
}

describe("mapHeader", () => {
  it("maps every contract column to its index and source name", () => {
    const { mapping, report } = run(kind("refuse"), ["sex", "year", "nis_code", "sector_code"]);
    expect(report.issues).toEqual([]);
    expect(mapping).not.toBeNull();
    expect([...mapping!.index]).toEqual([
      ["nis_code", 2],
      ["year", 1],
      ["sex", 0],
      ["sector_code", 3],
    ]);
    expect(mapping!.source.get("nis_code")).toBe("nis_code");
    expect(mapping!.width).toBe(4);
  });

  it("leaves an absent optional column out of the mapping", () => {
    const { mapping, report } = run(kind("refuse"), ["nis_code", "year", "sex"]);
    expect(report.ok).toBe(true);
    expect(mapping!.index.has("sector_code")).toBe(false);
    expect(mapping!.width).toBe(3);
  });

  it("matches names and aliases case-insensitively, remembering the file's spelling", () => {
    const { mapping, report } = run(kind("refuse"), ["cd_munty_refnis", "YEAR", "Sex"]);
    expect(report.issues).toEqual([]);
    expect(mapping!.index.get("nis_code")).toBe(0);
    expect(mapping!.source.get("nis_code")).toBe("cd_munty_refnis");
    expect(mapping!.source.get("year")).toBe("YEAR");
    expect(mapping!.index.get("sex")).toBe(2);
  });

  it("accepts Statbel's older CD_MUNTY_REFNIS for CD_REFNIS and ignores other Statbel columns", () => {
    const header = ["CD_MUNTY_REFNIS", "TX_DESCR_NL", "CD_SEX", "CD_AGE", "MS_POPULATION", "TX_NATLTY_FR"];
    const { mapping, report } = run(statbelPopulation, header);
    expect(report.issues).toEqual([]);
    expect(mapping!.index.get("CD_REFNIS")).toBe(0);
    expect(mapping!.source.get("CD_REFNIS")).toBe("CD_MUNTY_REFNIS");
    expect(mapping!.index.get("MS_POPULATION")).toBe(4);
    expect(mapping!.width).toBe(6);
  });

  it("reports a repeated column, whatever its case", () => {
    const { rules, mapping } = run(kind("refuse"), ["nis_code", "year", "sex", "Year"]);
    expect(rules).toEqual(["header.duplicate-column:Year"]);
    // The mapping is still returned: the error stops the load, the rows can still be checked.
    expect(mapping).not.toBeNull();
  });

  it("refuses unknown columns in a 'refuse' kind, with a suggestion when one is close", () => {
    const { rules, report, mapping } = run(kind("refuse"), ["nis_code", "year", "sex", "sector_cod", "rijksregisternummer"]);
    expect(rules).toEqual(["header.unknown-column:sector_cod", "header.unknown-column:rijksregisternummer"]);
    expect(report.issues[0]!.message).toContain("did you mean sector_code?");
    expect(report.issues[1]!.message).not.toContain("did you mean");
    expect(report.issues[1]!.message).toContain("not in the contract");
    expect(report.issues[0]!.line).toBe(1);
    // Unknown columns are errors, but do not make the header unusable.
    expect(mapping).not.toBeNull();
  });

  it("ignores unknown columns in an 'ignore' kind", () => {
    const { report, mapping } = run(kind("ignore"), ["nis_code", "extra", "year", "sex"]);
    expect(report.issues).toEqual([]);
    expect(mapping!.index.get("year")).toBe(2);
  });

  it("reports a missing required column, guessing the misspelt one", () => {
    const { rules, report, mapping } = run(kind("ignore"), ["nis_code", "yaer", "sex"]);
    expect(mapping).toBeNull();
    expect(rules).toEqual(["header.missing-column:year"]);
    expect(report.issues[0]!.message).toContain("required column year is missing");
    expect(report.issues[0]!.message).toContain("is yaer a misspelling of year?");
  });

  it("reports every missing required column, without a guess when nothing is close", () => {
    const { rules, report, mapping } = run(kind("ignore"), ["sector_code", "zzzzzzzzz"]);
    expect(mapping).toBeNull();
    expect(rules).toEqual(["header.missing-column:nis_code", "header.missing-column:year", "header.missing-column:sex"]);
    expect(report.issues.every((i) => !i.message.includes("misspelling"))).toBe(true);
  });

  it("a misspelt column in a 'refuse' kind is both missing and unknown", () => {
    const { rules, mapping } = run(kind("refuse"), ["nis_code", "yaer", "sex"]);
    expect(mapping).toBeNull();
    expect(rules.sort()).toEqual(["header.missing-column:year", "header.unknown-column:yaer"]);
  });

  it("reports an empty header as an empty file", () => {
    const { rules, mapping } = run(kind("ignore"), []);
    expect(mapping).toBeNull();
    expect(rules).toContain("file.empty:undefined");
  });
});
