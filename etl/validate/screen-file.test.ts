import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { fileKinds, kindOfFile, type FileKind } from "../../contract/index.ts";
import { Database } from "../../core/duckdb.ts";
import { TINY, TODAY, temporaryDirectory } from "../../tests/helpers.ts";
import { checkFile } from "./check-file.ts";
import { checkExtract } from "./extract.ts";
import { DigestStream, type FileDigest } from "./file-digest.ts";
import type { References } from "./references.ts";
import { ValidationReport } from "./report.ts";
import { fillReferences, planScreen, screenFiles } from "./screen-file.ts";
import { distinctScreenSql, unscreenable, valueConditions } from "./screen-sql.ts";
import { compileValueCheck, Invalid } from "./value-check.ts";

// The screen's one promise: a file it passes is a file the row checker finds nothing in, with
// the same rows, bytes and hash. Here every field of the tiny extract's screened files is
// replaced, one at a time, by values that break (or nearly break) a rule, and whole lines are
// damaged; each mutant is judged by both, and the screen may never pass what the row checker
// refuses. It must also pass the clean files, or it would be a slow path in disguise.

const SCREENED = ["ima_population.csv", "ima_healthcare.csv", "ima_pharmacy.csv", "ima_hospital_stays.csv", "TF_SOC_POP_STRUCT_2024.txt"];

/** Field values that break a type, a range, a pattern, a reference or the identifier rule, and some that break nothing. */
const VALUES = [
  "",
  " ",
  "x",
  "-1",
  "0",
  "1",
  "2",
  "1.5",
  "12,5",
  "-0",
  "1e3",
  "0x10",
  "１",
  "99999999999999999999",
  "1.",
  "2023-02-30",
  "2024-02-29",
  "2023-1-01",
  "2099-01-01",
  "2026-11-24",
  "2026-11-23",
  "1879-12-31",
  "1880-01-01",
  "2023-06-15",
  " 2023-05-30",
  "F",
  "M",
  "f",
  "gp",
  "GP",
  "classic",
  "day",
  "100",
  "700",
  "*",
  "21004",
  "21001",
  "21999",
  "2100",
  "21004_S01",
  "21004_S99",
  "21001_S01",
  "A10",
  "A10BA02",
  "a10ba02",
  "E11.9",
  "J44",
  "J4",
  "9900011",
  "990010",
  "99000111",
  "p000000000000001",
  "p0000001",
  "p00001",
  "p000000000000099",
  "p-0000001_",
  "85073003328",
  "85.07.30-033.28",
  "X85073003328",
  "850730_033_28",
  "85073003328.0",
  "85073003329",
  "a\u0007b",
  "a\u202eb",
  "a\ufffdb",
  "é",
  "\ufeff1",
  "x".repeat(300),
];

/** The few values the file-level mutants put in each field (the value-level test tries them all). */
const FILE_VALUES = ["", "x", "21999", "21004_S99", "21001_S01", "85073003328", "a\ufffdb", "2099-01-01"];

interface Mutant {
  name: string;
  kind: FileKind;
  path: string;
  bytes: Buffer;
}

let references: References;
let dir: string;

beforeAll(async () => {
  const check = await checkExtract(TINY, { today: TODAY, screen: false });
  expect(check.report.issues.filter((i) => i.severity === "error")).toEqual([]);
  references = check.references;
  await check.snapshot.dispose();
  dir = temporaryDirectory("screen-mutants-");
});

function split(text: string): { delimiter: string; lines: string[] } {
  const header = text.slice(0, text.indexOf("\n"));
  const delimiter = [";", "|", "\t", ","].find((d) => header.includes(d)) as string;
  return { delimiter, lines: text.replace(/\n$/, "").split("\n") };
}

function mutants(name: string): Mutant[] {
  const original = readFileSync(join(TINY, name));
  const kind = kindOfFile(name) as FileKind;
  const { delimiter, lines } = split(original.toString("utf8"));
  const width = lines[0]!.split(delimiter).length;
  const out: Buffer[] = [original];
  const replaceLine = (at: number, line: string) => lines.map((l, i) => (i === at ? line : l)).join("\n") + "\n";
  {
    const line = 1;
    const fields = lines[line]!.split(delimiter);
    for (let c = 0; c < width; c++) {
      // Values from other lines of the same column, to break row rules and sector rules with valid values.
      const neighbours = [...new Set(lines.slice(1).map((l) => l.split(delimiter)[c] ?? ""))].slice(0, 4);
      for (const value of new Set([...FILE_VALUES, ...neighbours])) {
        const quoted = /[\n\r"]/.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value;
        out.push(Buffer.from(replaceLine(line, fields.map((f, i) => (i === c ? quoted : f)).join(delimiter))));
      }
    }
  }
  const body = lines.join("\n");
  const first = lines[1] as string;
  const damaged = [
    replaceLine(1, `${first}${delimiter}x`),
    replaceLine(1, first.slice(0, first.lastIndexOf(delimiter))),
    replaceLine(1, `"${first}`),
    replaceLine(1, first.replace(delimiter, `${delimiter}"a"b`)),
    replaceLine(1, first.replace(delimiter, `${delimiter}"a\nb"`)),
    `${body}\n\n`,
    `${lines[0]}\n\n${lines.slice(1).join("\n")}\n`,
    `${lines.join("\r\n")}\r\n`,
    `${lines[0]}\r\n${lines.slice(1).join("\n")}\n`,
    `${lines[0]}\n${first}\r${lines.slice(2).join("\n")}\n`,
    `${body}\r`,
    body,
    `${lines[0]}\n`,
    replaceLine(1, `${first}${delimiter}85073003328`),
  ].map((t) => Buffer.from(t));
  damaged.push(Buffer.concat([Buffer.from(`${lines[0]}\n`), Buffer.from([0xe9, 0x0a]), Buffer.from(`${lines.slice(1).join("\n")}\n`)]));
  damaged.push(Buffer.concat([Buffer.from(`${lines[0]}\n${first.slice(0, 3)}`), Buffer.from([0xff]), Buffer.from(`${first.slice(3)}\n`)]));
  out.push(...damaged);
  return out.map((bytes, i) => {
    const file = name.replace(/(\.\w+)$/, `_m${String(i).padStart(4, "0")}$1`);
    const path = join(dir, file);
    writeFileSync(path, bytes);
    return { name: file, kind, path, bytes };
  });
}

async function digest(bytes: Buffer): Promise<FileDigest> {
  const stream = new DigestStream();
  await pipeline(Readable.from([bytes]), stream, new Writable({ write: (_c, _e, done) => done() }));
  return stream.result();
}

describe("the DuckDB screen", () => {
  for (const name of SCREENED) {
    it(`never passes a mutant of ${name} that the row checker refuses, and passes the clean file`, async () => {
      const all = mutants(name);
      const digests = new Map(await Promise.all(all.map(async (m) => [m.name, await digest(m.bytes)] as const)));
      const screened = await screenFiles(all, { references, today: TODAY, digests });
      expect(screened.passed.length + screened.rowByRow.length).toBe(all.length);
      const passed = new Map(screened.passed.map((f) => [f.name, f]));
      // The clean file, and valid mutants, pass: the screen is not a slow path in disguise.
      expect(passed.has(all[0]!.name)).toBe(true);
      let refused = 0;
      for (const mutant of all) {
        const report = new ValidationReport();
        const checked = await checkFile(mutant.path, mutant.name, mutant.kind, { report, today: TODAY, references });
        const errors = report.issues.filter((i) => i.severity === "error");
        if (errors.length > 0) refused++;
        const screen = passed.get(mutant.name);
        if (!screen) continue;
        expect(errors, `${mutant.name} passed the screen:\n${mutant.bytes.toString("utf8")}`).toEqual([]);
        expect({ rows: screen.rows, bytes: screen.bytes, sha256: screen.sha256 }, mutant.name).toEqual({ rows: checked.rows, bytes: checked.bytes, sha256: checked.sha256 });
        expect(screen.headerColumns).toEqual(checked.headerColumns);
        expect(screen.dialect).toEqual(checked.dialect);
      }
      // Most mutants break something; a good share do not and pass the screen.
      expect(refused).toBeGreaterThan(all.length / 3);
      expect(passed.size).toBeGreaterThan(10);
    }, 120_000);
  }
});

/**
 * The same mutants as Parquet files, every column text (a Parquet file can hold a value a typed
 * column could not), and the clean files with the types DuckDB infers (dates, numbers): what the
 * screen reads of a Parquet file is the text the row checker reads (parquet-reader.ts `asText`).
 */
async function asParquet(csv: Mutant[], typed: boolean): Promise<Mutant[]> {
  const db = await Database.open(":memory:", { threads: 1 });
  const out: Mutant[] = [];
  try {
    for (const m of csv) {
      const path = m.path.replace(/\.\w+$/, typed ? "_typed.parquet" : ".parquet");
      try {
        await db.run(`COPY (SELECT * FROM read_csv('${m.path}', header = true, all_varchar = ${!typed})) TO '${path}' (FORMAT parquet)`);
      } catch {
        continue; // not readable as CSV at all: nothing to turn into Parquet
      }
      const bytes = readFileSync(path);
      out.push({ name: path.slice(dir.length + 1), kind: m.kind, path, bytes });
    }
  } finally {
    db.close();
  }
  return out;
}

describe("the DuckDB screen of Parquet files", () => {
  for (const name of SCREENED.filter((n) => kindOfFile(n)?.group === "person-level")) {
    it(`never passes a Parquet mutant of ${name} that the row checker refuses, and passes the clean file, typed or not`, async () => {
      const all = [...(await asParquet(mutants(name), false)), ...(await asParquet([mutants(name)[0]!], true))];
      const digests = new Map(await Promise.all(all.map(async (m) => [m.name, await digest(m.bytes)] as const)));
      const screened = await screenFiles(all, { references, today: TODAY, digests });
      const passed = new Map(screened.passed.map((f) => [f.name, f]));
      expect(passed.has(all[0]!.name)).toBe(true);
      expect(passed.has(all.at(-1)!.name), "the clean file with its types").toBe(true);
      let refused = 0;
      for (const mutant of all) {
        const report = new ValidationReport();
        const checked = await checkFile(mutant.path, mutant.name, mutant.kind, { report, today: TODAY, references });
        const errors = report.issues.filter((i) => i.severity === "error");
        if (errors.length > 0) refused++;
        const screen = passed.get(mutant.name);
        if (!screen) continue;
        expect(errors, `${mutant.name} passed the screen`).toEqual([]);
        expect({ rows: screen.rows, bytes: screen.bytes, sha256: screen.sha256, format: screen.format }, mutant.name).toEqual({
          rows: checked.rows,
          bytes: checked.bytes,
          sha256: checked.sha256,
          format: "parquet",
        });
        expect(screen.headerColumns).toEqual(checked.headerColumns);
      }
      expect(refused).toBeGreaterThan(all.length / 4);
      expect(passed.size).toBeGreaterThan(10);
    }, 180_000);
  }
});

describe("the screen over distinct values", () => {
  // The screen evaluates each condition once per distinct value (or tuple) of the fields it
  // reads. Held here to the same conditions evaluated on every row, mutant by mutant: the same
  // rows, and a file flagged by one exactly when flagged by the other.
  for (const name of SCREENED) {
    it(`flags a mutant of ${name} exactly when one of its rows is flagged, and counts its rows`, async () => {
      const all = mutants(name);
      const db = await Database.open(":memory:");
      try {
        await fillReferences(db, references);
        let flaggedFiles = 0;
        let compared = 0;
        for (const mutant of all) {
          const plan = await planScreen(mutant, { today: TODAY, digests: new Map([[mutant.name, await digest(mutant.bytes)]]) });
          if (plan === null) continue;
          const rowWise = plan.parts.checks.map((c) => c.condition).join(" OR ");
          let byRow: { rows: number; flagged: number } | undefined;
          let byValue: { rows: number; flagged: number } | undefined;
          try {
            const [r] = await db.all<{ rows: bigint; flagged: bigint }>(`SELECT count(*) AS "rows", count(*) FILTER (WHERE ${rowWise}) AS flagged FROM ${plan.parts.from}`, [mutant.path]);
            byRow = { rows: Number(r!.rows), flagged: Number(r!.flagged) };
          } catch {
            // A file DuckDB's strict reader refuses: the distinct screen must refuse it too.
          }
          try {
            const [r] = await db.all<{ rows: bigint; flagged: bigint }>(distinctScreenSql(plan.parts), [mutant.path]);
            byValue = { rows: Number(r!.rows), flagged: Number(r!.flagged) };
          } catch {
            // As above.
          }
          expect(byValue === undefined, mutant.name).toBe(byRow === undefined);
          if (!byRow || !byValue) continue;
          compared++;
          expect(byValue.rows, mutant.name).toBe(byRow.rows);
          expect(byValue.flagged > 0, `${mutant.name}: ${byRow.flagged} row(s) flagged, ${byValue.flagged} value(s)`).toBe(byRow.flagged > 0);
          if (byRow.flagged > 0) flaggedFiles++;
        }
        expect(compared).toBeGreaterThan(all.length / 2);
        expect(flaggedFiles).toBeGreaterThan(compared / 4);
      } finally {
        db.close();
      }
    }, 120_000);
  }
});

describe("the screen's value conditions", () => {
  // Every column of every screened kind, against every value above: where value-check.ts
  // refuses, the screen's SQL must flag; and it flags nothing else (a text column may flag a
  // value whose bytes, not characters, pass the limit: it only goes to the row checker).
  const kinds = fileKinds.filter((k) => unscreenable(k) === null);
  it("screens the four person-level kinds and Statbel's population", () => {
    expect(kinds.map((k) => k.id).sort()).toEqual(["health_service", "hospital_stay", "person_year", "pharmacy_delivery", "statbel_population"]);
  });

  for (const kind of kinds) {
    it(`flags exactly what value-check.ts refuses, column by column, in ${kind.id}`, async () => {
      const db = await Database.open(":memory:");
      try {
        await db.run("CREATE TEMP TABLE v (i INTEGER, x VARCHAR)");
        await db.run(`INSERT INTO v VALUES ${VALUES.map((_, i) => `(${i}, $${i + 1})`).join(", ")}`, VALUES);
        for (const spec of kind.columns) {
          const conditions = valueConditions(spec, "c", TODAY);
          const flags = await db.all<{ i: number; flagged: boolean }>(
            `SELECT i, ${conditions.map((c) => `COALESCE(${c}, false)`).join(" OR ") || "false"} AS flagged FROM (SELECT i, NULLIF(x, '') AS c FROM v) ORDER BY i`,
          );
          const check = compileValueCheck(spec, TODAY);
          const verdicts = VALUES.map((value, i) => ({ value, refused: check(value) instanceof Invalid, flagged: flags[i]?.flagged }));
          expect(
            verdicts.filter((d) => d.refused && !d.flagged),
            `${kind.id}.${spec.name} misses`,
          ).toEqual([]);
          const extra = verdicts.filter((d) => d.flagged && !d.refused);
          if (spec.type.kind === "text") expect(extra.every((d) => Buffer.byteLength(d.value) > d.value.length)).toBe(true);
          else expect(extra, `${kind.id}.${spec.name} flags more`).toEqual([]);
        }
      } finally {
        db.close();
      }
    });
  }
});
