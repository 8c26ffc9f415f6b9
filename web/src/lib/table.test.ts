import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { formatValue } from "./format.ts";
import { decimalsFor } from "./format.ts";
import { screenColumns, tableCsv, type TableData } from "./table.ts";

interface Row {
  code: string;
  name: string;
  value: number | null;
  numerator: number | null;
  comparison: string | null;
}
const table: TableData<Row> = {
  rows: [
    { code: "63023", name: "=Eupen", value: 53.227232537577365, numerator: 1234, comparison: "better" },
    { code: "Z06", name: "Zone; six", value: null, numerator: null, comparison: null },
  ],
  columns: [
    { header: "Code", text: (r) => r.code, raw: (r) => r.code, report: true },
    { header: "Zone", text: (r) => r.name },
    { header: "Valeur", text: (r) => formatValue(r.value, "percent", "fr"), raw: (r) => r.value, numeric: true, decimals: (v) => decimalsFor("percent", v) },
    { header: "Numérateur", text: (r) => String(r.numerator ?? "–"), raw: (r) => r.numerator, numeric: true },
    { header: "Comparaison", text: (r) => (r.comparison === "better" ? "Mieux" : "–"), raw: (r) => r.comparison },
  ],
};

describe("a table's CSV downloads", () => {
  it("keeps the standard CSV as it was: commas, raw values, no report columns", () => {
    expect(tableCsv(table)).toBe("\uFEFFZone,Valeur,Numérateur,Comparaison\r\n'=Eupen,53.227232537577365,1234,better\r\nZone; six,,,\r\n");
    expect(screenColumns(table).map((c) => c.header)).toEqual(["Zone", "Valeur", "Numérateur", "Comparaison"]);
  });

  it("writes the Belgian CSV for reports: codes and names, raw and rounded numbers, words, in columns", () => {
    const csv = tableCsv(table, "belgian", (h) => `${h} (arrondi)`);
    expect(csv.startsWith("\uFEFFCode;Zone;Valeur;Valeur (arrondi);Numérateur;Comparaison\r\n")).toBe(true);
    expect(csv).toContain("63023;'=Eupen;53,227232537577365;53,2;1234;Mieux\r\n");
    expect(csv).toContain('Z06;"Zone; six";;;;–\r\n');
    const rows = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ";" }).data;
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([6]));
  });
});
