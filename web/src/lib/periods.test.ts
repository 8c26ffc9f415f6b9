// Quarters and months in the dashboard: their labels in each language, and the PDCA check's
// table (and so its CSV) of a quarterly chart, a row per quarter with its signal.
import { describe, expect, it } from "vitest";
import { periodLabel } from "../../../core/periods.ts";
import { xmrRows } from "../views/pdca/xmr-table.ts";
import type { CheckIndicator } from "./pdca.ts";
import { tableCsv } from "./table.ts";

describe("period labels", () => {
  it("name a quarter the way each language does", () => {
    expect(periodLabel("2024-Q1", "fr")).toBe("T1 2024");
    expect(periodLabel("2024-Q1", "nl")).toBe("K1 2024");
    expect(periodLabel("2024-Q1", "de")).toBe("Q1 2024");
    expect(periodLabel("2024-Q4", "en")).toBe("Q4 2024");
  });
  it("name a month by its short name", () => {
    expect(periodLabel("2023-02", "fr")).toBe("févr. 2023");
    expect(periodLabel("2023-10", "nl")).toBe("okt 2023");
    expect(periodLabel("2023-12", "de")).toBe("Dez. 2023");
    expect(periodLabel("2023-05", "en")).toBe("May 2023");
  });
});

describe("the table of a quarterly check", () => {
  const periods = ["2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4", "2023-Q1"];
  const check = {
    indicator: { id: "premature-mortality", inRelease: true, title: null, unit: "per-100000", polarity: "low-is-good" },
    polarity: "low-is-good",
    target: null,
    baseline: null,
    granularity: "quarter",
    series: periods.map((period, i) => ({ year: Number(period.slice(0, 4)), period, value: i === 2 ? null : 250 + i, lower95: null, upper95: null, hidden: i === 2 ? "suppressed" : null })),
    chart: null,
    signals: [{ rule: "beyond-limits", direction: "up", years: [2023], periods: ["2023-Q1"], meaning: "concern" }],
  } as unknown as CheckIndicator;

  it("has a row per quarter, labelled in the reader's language, the hidden one marked and the signal on its quarter only", () => {
    const fr = xmrRows(check, "fr");
    expect(fr.columns[0]?.header).toBe("Période");
    expect(fr.rows.map((r) => fr.columns[0]!.text(r))).toEqual(["T1 2022", "T2 2022", "T3 2022", "T4 2022", "T1 2023"]);
    expect(fr.rows.map((r) => fr.columns[1]!.text(r))[2]).toBe("Masqué pour protéger la vie privée");
    expect(fr.rows.map((r) => r.signal)).toEqual([null, null, null, null, "concern"]);
    const nl = xmrRows(check, "nl");
    expect(nl.rows.map((r) => nl.columns[0]!.text(r))).toEqual(["K1 2022", "K2 2022", "K3 2022", "K4 2022", "K1 2023"]);
  });

  it("exports the quarters in the CSV, by their release name", () => {
    const csv = tableCsv(xmrRows(check, "en"));
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^Period,/);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(periods);
  });
});
