// The load screens each person-level file in DuckDB just before inserting it. These tests hold
// it to what the row-by-row load does: the same warehouse from a clean extract, every problem
// of every file in a refused one, and a file the screen flags but the rules accept still loaded.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileKinds, isNationalRegisterNumber } from "../contract/index.ts";
import { Database } from "../core/duckdb.ts";
import { silentProgress, type Progress } from "../core/progress.ts";
import { loadExtract, type LoadOptions } from "../etl/load/load-extract.ts";
import { TINY, TODAY, temporaryDirectory, tinyWith } from "./helpers.ts";

/** Every person-level table's rows, batch id left out, in a stable order. */
async function contents(warehouse: string): Promise<Record<string, unknown[]>> {
  const db = await Database.open(warehouse);
  try {
    const out: Record<string, unknown[]> = {};
    for (const kind of fileKinds.filter((k) => k.group === "person-level"))
      out[kind.id] = (await db.all(`SELECT * EXCLUDE (batch_id) FROM ${kind.id} ORDER BY ALL`)).map((r) => JSON.stringify(r, (_, v: unknown) => (typeof v === "bigint" ? Number(v) : v)));
    out.load_file = await db.all("SELECT file_name, sha256, bytes, row_count FROM load_file ORDER BY file_name");
    return out;
  } finally {
    db.close();
  }
}

/** The progress labels and outcomes a load reports. */
function recorder(): { progress: Progress; done: string[] } {
  const done: string[] = [];
  const progress: Progress = {
    ...silentProgress,
    task(label, total) {
      const task = silentProgress.task(label, total);
      return { ...task, done: (detail?: string) => (done.push(`${label}: ${detail ?? ""}`), task.done(detail)) };
    },
  };
  return { progress, done };
}

async function load(dir: string, options: LoadOptions = {}) {
  const warehouse = join(temporaryDirectory(), "w.duckdb");
  const result = await loadExtract(dir, { warehouse, today: TODAY, ...options });
  return { result, warehouse };
}

describe("the load's screen", () => {
  it("fills the warehouse exactly as the row-by-row load does, screening each person-level file just before inserting it", async () => {
    const { progress, done } = recorder();
    const screened = await load(TINY, { progress });
    const rowByRow = await load(TINY, { screen: false });
    expect(screened.result.written && rowByRow.result.written).toBe(true);
    expect(await contents(screened.warehouse)).toEqual(await contents(rowByRow.warehouse));
    for (const name of ["ima_population.csv", "ima_healthcare.csv", "ima_pharmacy.csv", "ima_hospital_stays.csv"]) {
      expect(done).toContain(`load ${name}: ${readFileSync(join(TINY, name), "utf8").trim().split("\n").length - 1} rows, screened in DuckDB then inserted`);
    }
  });

  it("names the problems of every person-level file when the first one it inserts is refused, and writes nothing", async () => {
    const healthcare = readFileSync(join(TINY, "ima_healthcare.csv"), "utf8").replace("2023-02-10", "2023-02-30");
    const pharmacy = readFileSync(join(TINY, "ima_pharmacy.csv"), "utf8").replace("|A10BA02|", "|a10ba02|");
    const { result } = await load(tinyWith({ files: { "ima_healthcare.csv": healthcare, "ima_pharmacy.csv": pharmacy } }));
    expect(result.written).toBe(false);
    const errors = result.check.report.issues.filter((i) => i.severity === "error").map((i) => [i.file, i.rule, i.line, i.column]);
    expect(errors).toEqual([
      ["ima_healthcare.csv", "value.type", 2, "service_date"],
      ["ima_pharmacy.csv", "value.pattern", 2, "atc_code"],
    ]);
  });

  it("says why DuckDB could not screen a file (here a ragged row), then lets the row checker word the problem", async () => {
    const lines = readFileSync(join(TINY, "ima_healthcare.csv"), "utf8").split("\n");
    const delimiter = [";", "|", ","].find((d) => lines[0]!.includes(d))!;
    lines[1] = `${lines[1]}${delimiter}extra`;
    const { progress, done } = recorder();
    const { result } = await load(tinyWith({ files: { "ima_healthcare.csv": lines.join("\n") } }), { progress });
    expect(result.written).toBe(false);
    const said = done.find((d) => d.startsWith("load ima_healthcare.csv: "));
    expect(said).toMatch(/^load ima_healthcare\.csv: DuckDB could not screen it \(.+\): checked row by row$/);
    const errors = result.check.report.issues.filter((i) => i.severity === "error").map((i) => [i.file, i.line]);
    expect(errors).toEqual([["ima_healthcare.csv", 2]]);
  });

  it("loads a file whose flagged row the row checker accepts (a pseudonym that merely holds digits passing the check)", async () => {
    // Behind a one-letter prefix, 75003894077 passes the check digits but 75 00 38 is no birth date.
    const provider = "X_75003894077";
    expect(isNationalRegisterNumber(provider)).toBe(false);
    expect(isNationalRegisterNumber("75003894077")).toBe(true);
    const healthcare = readFileSync(join(TINY, "ima_healthcare.csv"), "utf8").replace("gp00000001", provider);
    const { progress, done } = recorder();
    const { result, warehouse } = await load(tinyWith({ files: { "ima_healthcare.csv": healthcare } }), { progress });
    expect(result.check.report.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(result.written).toBe(true);
    expect(done).toContain("load ima_healthcare.csv: a value to look at: checked row by row");
    const db = await Database.open(warehouse);
    try {
      expect(await db.all("SELECT count(*)::INTEGER AS n FROM health_service WHERE provider_id = $1", [provider])).toEqual([{ n: 1 }]);
    } finally {
      db.close();
    }
  });
});
