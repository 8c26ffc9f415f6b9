/**
 * `boussole person-key`: what computing joins persons on in a warehouse, and `--record`, which
 * checks the hash again with the running DuckDB (after an upgrade) without reloading, changing
 * nothing else, and leaving the old record when it fails.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PERSON_KEY_TABLE } from "../contract/person-key.ts";
import { Database } from "../core/duckdb.ts";
import { ROOT, temporaryDirectory } from "./helpers.ts";
import { copyOf, tinyWarehouse, withDatabase } from "./indicator-helpers.ts";

// Opens a DuckDB file for writing, says so, and keeps it until killed.
const HOLD = `import { DuckDBInstance } from "@duckdb/node-api";
const instance = await DuckDBInstance.create(process.argv[1]);
await instance.connect();
process.stdout.write("holding\\n");
setInterval(() => {}, 1000);`;

function boussole(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "boussole.js"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CI: "true" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const record = (warehouse: string) => withDatabase(warehouse, (db) => db.all<Record<string, unknown>>(`SELECT * FROM ${PERSON_KEY_TABLE}`));
// Everything but the record: each table's rows, to show that recording changes nothing else.
const contents = (warehouse: string) =>
  withDatabase(warehouse, async (db) => {
    const tables = await db.all<{ table_name: string }>(`SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND table_name <> '${PERSON_KEY_TABLE}' ORDER BY table_name`);
    const out: Record<string, string> = {};
    for (const { table_name } of tables) {
      const [row] = await db.all<{ n: number; h: string }>(`SELECT count(*) AS n, CAST(sum(hash(t)) AS VARCHAR) AS h FROM "${table_name}" t`);
      out[table_name] = `${row!.n}:${row!.h}`;
    }
    return out;
  });

describe("boussole person-key", () => {
  let warehouse: string;
  beforeAll(async () => {
    warehouse = await tinyWarehouse();
  });

  it("says what a freshly loaded warehouse joins persons on", () => {
    const r = boussole("person-key", "--warehouse", warehouse);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^persons joined on a 64-bit hash of their pseudonym \(\d+ persons, as many hashes, recorded with DuckDB v/);
    const json = JSON.parse(boussole("person-key", "--warehouse", warehouse, "--json").stdout) as { key: string; reason: string };
    expect([json.key, json.reason]).toEqual(["hashed", "recorded"]);
  });

  it("records the key again after a DuckDB upgrade or for an older warehouse, changing nothing else", async () => {
    const fresh = await record(warehouse);
    const before = await contents(warehouse);
    expect(Object.keys(before)).toContain("person_year");
    for (const [change, said] of [
      [`UPDATE ${PERSON_KEY_TABLE} SET duckdb_version = 'v0.0.1'`, /checked with DuckDB v0\.0\.1, this is v/],
      [`DROP TABLE ${PERSON_KEY_TABLE}`, /has no record of a person key/],
    ] as const) {
      const copy = await copyOf(warehouse, (db) => db.run(change));
      const stale = boussole("person-key", "--warehouse", copy);
      expect(stale.stdout).toMatch(said);
      expect(stale.stdout).toContain(`\`boussole person-key --record --warehouse ${copy}\``);
      const recorded = boussole("person-key", "--record", "--warehouse", copy);
      expect(recorded.code, recorded.stderr).toBe(0);
      expect(recorded.stdout).toMatch(/^persons joined on a 64-bit hash/);
      expect(await record(copy)).toEqual(fresh);
      expect(await contents(copy)).toEqual(before);
    }
  });

  it("keeps the old record when recording fails", async () => {
    // The population's pseudonyms renamed away: the check cannot run, and its transaction is undone.
    const broken = await copyOf(warehouse, (db) => db.run(`UPDATE ${PERSON_KEY_TABLE} SET duckdb_version = 'v0.0.1'`).then(() => db.run("ALTER TABLE person_year RENAME COLUMN person_id TO pid")));
    const old = await record(broken);
    const r = boussole("person-key", "--record", "--warehouse", broken);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("person_id");
    expect(await record(broken)).toEqual(old);
  });

  it("says what to do when another process holds the warehouse, and changes nothing", async () => {
    const held = await copyOf(warehouse, (db) => db.run(`UPDATE ${PERSON_KEY_TABLE} SET duckdb_version = 'v0.0.1'`));
    const old = await record(held);
    // A writer in another process (a load, a script): DuckDB allows one.
    const holder = spawn(process.execPath, ["--input-type=module", "-e", HOLD, held], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.once("data", () => resolve());
        holder.once("exit", (code) => reject(new Error(`the holder exited (${code})`)));
      });
      const asked = boussole("person-key", "--warehouse", held);
      expect(asked.code).toBe(1);
      expect(asked.stderr.startsWith(`boussole: cannot open ${held} (`), asked.stderr).toBe(true);
      expect(asked.stderr.endsWith("); stop what uses it and try again\n"), asked.stderr).toBe(true);
      const r = boussole("person-key", "--record", "--warehouse", held);
      expect(r.code).toBe(1);
      expect(r.stderr.startsWith(`boussole: cannot open ${held} for writing (`), r.stderr).toBe(true);
      expect(r.stderr.endsWith("); stop what uses it and try again\n"), r.stderr).toBe(true);
    } finally {
      holder.kill();
    }
    await new Promise((resolve) => holder.once("close", resolve));
    expect(await record(held)).toEqual(old);
  });

  it("refuses a missing file and a DuckDB file that is not a warehouse, creating and changing nothing", async () => {
    const dir = temporaryDirectory();
    const missing = join(dir, "missing.duckdb");
    const r = boussole("person-key", "--record", "--warehouse", missing);
    expect([r.code, r.stderr]).toEqual([2, `boussole: warehouse not found: ${missing}\n`]);
    expect(existsSync(missing)).toBe(false);

    const other = join(dir, "other.duckdb");
    const db = await Database.open(other);
    await db.run("CREATE TABLE t AS SELECT 1 AS x");
    db.close();
    const bytes = readFileSync(other);
    const n = boussole("person-key", "--record", "--warehouse", other);
    expect([n.code, n.stderr]).toEqual([1, `boussole: ${other} is not a Boussole warehouse: it has no table person_year\n`]);
    expect(readFileSync(other).equals(bytes)).toBe(true);
    // Not a DuckDB file at all.
    const text = join(dir, "notes.duckdb");
    writeFileSync(text, "not a database\n");
    const t = boussole("person-key", "--record", "--warehouse", text);
    expect(t.code).toBe(1);
    expect(t.stderr.startsWith(`boussole: cannot open ${text} for writing (`), t.stderr).toBe(true);
    // Not held by anyone: no advice to stop what uses it.
    expect(t.stderr).not.toContain("stop what uses it");
    expect(readFileSync(text, "utf8")).toBe("not a database\n");
  });
});
