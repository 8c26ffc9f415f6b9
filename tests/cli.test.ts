import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INVALID, ROOT, TINY, temporaryDirectory, tinyWith } from "./helpers.ts";
import { internalDir } from "../release/write-release.ts";

function boussole(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "boussole.js"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CI: "true" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the boussole CLI", () => {
  it("has --help on every command", () => {
    const top = boussole("--help");
    expect(top.code).toBe(0);
    for (const command of ["sample", "validate", "load", "start", "contract", "publish", "audit", "person-key"]) {
      expect(top.stdout).toContain(command);
      const help = boussole(command, "--help");
      expect(help.code, command).toBe(0);
      expect(help.stdout).toContain(`Usage: boussole ${command}`);
    }
  });

  it("validates a clean extract with exit code 0 and a broken one with 1, naming file, line and column", () => {
    const clean = boussole("validate", TINY);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain("0 error(s)");
    const broken = boussole("validate", tinyWith({ dir: join(INVALID, "discharge-before-admission") }));
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain("ima_hospital_stays.csv:2:discharge_date: error [stay.discharge-before-admission]");
    const json = boussole("validate", tinyWith({ dir: join(INVALID, "unknown-sex") }), "--json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, errors: 1, issues: [{ rule: "value.enum", line: 5, column: "sex" }] });
  });

  it("answers bad usage with exit code 2 and a message, never a stack trace", () => {
    for (const args of [["sample", "--format", "xml"], ["sample", "--years", "2024-2019"], ["sample", "--scale", "3"], ["nonsense"], ["load", TINY], ["validate", "/no/such/dir"]]) {
      const r = boussole(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.length, args.join(" ")).toBeGreaterThan(10);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("loads an extract into a warehouse, and refuses a broken one without touching it", () => {
    const dir = temporaryDirectory();
    const warehouse = join(dir, "w.duckdb");
    const ok = boussole("load", TINY, "--warehouse", warehouse);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/loaded batch \d{8}T\d{6}-[0-9a-f]{12}: 75 rows/);
    const before = statSync(warehouse).mtimeMs;
    const refused = boussole("load", tinyWith({ dir: join(INVALID, "unknown-person") }), "--warehouse", warehouse);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("is unchanged");
    expect(statSync(warehouse).mtimeMs).toBe(before);
    // A memory limit too small for DuckDB: a clear message, exit code 1, the warehouse untouched.
    const starved = boussole("load", TINY, "--warehouse", warehouse, "--memory-limit", "2MB");
    expect(starved.code).toBe(1);
    expect(starved.stderr).toContain("--memory-limit");
    expect(starved.stderr).not.toMatch(/\n\s+at /);
    expect(statSync(warehouse).mtimeMs).toBe(before);
  });

  it("start builds the demo (warehouse, release) once, serves it, and reuses it", async () => {
    // The tiny extract stands in for the generated sample (generation is tested elsewhere).
    const data = temporaryDirectory();
    cpSync(TINY, join(data, "sample"), { recursive: true });
    writeFileSync(join(data, "sample", "extract.json"), JSON.stringify({ producer: "Boussole tests", synthetic: true }));
    const built = boussole("start", "--data", data, "--no-serve");
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain("publishing the demo release");
    expect(existsSync(join(data, "release", "published.duckdb"))).toBe(true);
    // Second start: nothing rebuilt, the release served on a free port.
    const child = spawn(process.execPath, [join(ROOT, "bin", "boussole.js"), "start", "--data", data, "--port", "0"], { cwd: ROOT, env: { ...process.env, CI: "true" } });
    try {
      let stdout = "";
      let stderr = "";
      child.stderr.on("data", (b) => (stderr += String(b)));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (b) => {
          stdout += String(b);
          const m = /at (http:\/\/[^/\s]+)\//.exec(stdout);
          if (m) resolve(m[1]!);
        });
        child.once("exit", (code) => reject(new Error(`start exited with ${code}: ${stderr}`)));
      });
      expect(stderr).not.toContain("publishing");
      const release = (await (await fetch(`${url}/api/v1/release`)).json()) as { synthetic: boolean };
      expect(release.synthetic).toBe(true);
    } finally {
      child.kill("SIGTERM");
    }
  });
});

describe("a first start", () => {
  it("serves a first look (the latest year) while it publishes every year, then the whole release at the same address", async () => {
    const data = temporaryDirectory();
    cpSync(TINY, join(data, "sample"), { recursive: true });
    writeFileSync(join(data, "sample", "extract.json"), JSON.stringify({ producer: "Boussole tests", synthetic: true }));
    const child = spawn(process.execPath, [join(ROOT, "bin", "boussole.js"), "start", "--data", data, "--port", "0"], { cwd: ROOT, env: { ...process.env, CI: "true" } });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (b) => (stderr += String(b)));
    /** Resolves when stdout has a line matching `re`, with its first group. */
    const line = (re: RegExp) =>
      new Promise<string>((resolve, reject) => {
        const look = () => {
          const m = re.exec(stdout);
          if (m) {
            child.stdout.off("data", look);
            child.off("exit", early);
            resolve(m[1]!);
          }
        };
        const early = (code: number | null) => reject(new Error(`start exited with ${code}: ${stderr}`));
        child.stdout.on("data", (b) => {
          stdout += String(b);
          look();
        });
        child.once("exit", early);
        look();
      });
    type Answer = { releaseId: string; preview: boolean; years: { first: number; last: number } };
    try {
      const url = await line(/follow it at (http:\/\/[^/\s]+)\//);
      expect((await fetch(`${url}/api/v1/release`)).status).toBe(503);
      const firstLook = await line(/serving a first look, release ([0-9a-f]{16})/);
      // Asked at once: publishing every year takes far longer than one request.
      const first = (await (await fetch(`${url}/api/v1/release`)).json()) as Answer;
      expect(first).toMatchObject({ releaseId: firstLook, preview: true, years: { first: 2024, last: 2024 } });
      const whole = await line(/serving release ([0-9a-f]{16})/);
      const after = (await (await fetch(`${url}/api/v1/release`)).json()) as Answer;
      expect(after).toMatchObject({ releaseId: whole, preview: false, years: { first: 2023, last: 2024 } });
      expect(whole).not.toBe(firstLook);
      const manifest = JSON.parse(readFileSync(join(data, "release", "manifest.json"), "utf8")) as { disclosure: { previousRelease: string } };
      expect(manifest.disclosure.previousRelease).toBe(firstLook);
    } finally {
      child.kill("SIGTERM");
    }
  }, 300_000);
});

describe("the indicators commands", () => {
  it("validates, lists, explains and computes the definitions", () => {
    const validate = boussole("indicators", "validate");
    expect(validate.code).toBe(0);
    expect(validate.stdout).toMatch(/\d+ valid definition\(s\), 0 problem\(s\)/);
    expect(boussole("indicators", "list").stdout).toContain("breast-cancer-screening");
    const explain = boussole("indicators", "explain", "breast-cancer-screening");
    expect(explain.stdout).toContain("50");
    expect(explain.stdout).toContain("GROUPING SETS");
    const dir = temporaryDirectory();
    const warehouse = join(dir, "w.duckdb");
    expect(boussole("load", TINY, "--warehouse", warehouse).code).toBe(0);
    const compute = boussole("indicators", "compute", "--warehouse", warehouse, "--out", join(dir, "cells.duckdb"));
    expect(compute.code, compute.stderr).toBe(0);
    expect(compute.stdout).toMatch(/breast-cancer-screening: \d+ cell/);
    expect(compute.stdout).toContain("premature-mortality: ");
    expect(compute.stdout).toContain("persons joined on a 64-bit hash of their pseudonym");
  });

  it("reports a broken definition with file, line and column, and exit code 1", () => {
    const dir = temporaryDirectory();
    mkdirSync(join(dir, "value"));
    const source = readFileSync(join(ROOT, "indicators", "definitions", "value", "polypharmacy-75.yaml"), "utf8");
    writeFileSync(join(dir, "value", "polypharmacy-75.yaml"), source.replace("min-distinct", "min-distinkt"));
    const r = boussole("indicators", "validate", "--definitions", dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/polypharmacy-75\.yaml:\d+:\d+: .*min-distinct/);
  });
});

// Gives the first hidden cell of a release a number (run in a process of its own: the release file).
const TAMPER = `import { DuckDBInstance } from "@duckdb/node-api";
const db = await DuckDBInstance.create(process.argv[1]);
const c = await db.connect();
await c.run("UPDATE cell SET value = 42 WHERE rowid = (SELECT min(rowid) FROM cell WHERE hidden IS NOT NULL)");
c.closeSync();
db.closeSync();`;

describe("the release commands", () => {
  it("publishes a release, audits it, and refuses what is not one", () => {
    const dir = temporaryDirectory();
    const warehouse = join(dir, "w.duckdb");
    expect(boussole("load", TINY, "--warehouse", warehouse).code).toBe(0);
    const publish = boussole("publish", "--warehouse", warehouse, "--out", join(dir, "release"));
    expect(publish.code, publish.stderr).toBe(0);
    expect(publish.stdout).toMatch(/release [0-9a-f]{16} written to .*: 41 indicators, 2023–2024; \d+ cells published, hidden \d+ small count/);
    const audit = boussole("audit", join(dir, "release"));
    expect(audit.code, audit.stdout).toBe(0);
    expect(audit.stdout).toMatch(/^passed: release [0-9a-f]{16}/m);
    // Both audits ran (side by side, cli/audit-jobs.ts), the publisher's first in the report.
    expect(audit.stdout).toMatch(/^passed: release [^\n]*\npassed: independent attacker, \d+ hidden counts/m);
    // A hidden cell given its number back: the publisher's audit fails the release, exit code 1.
    const tampered = join(dir, "tampered");
    cpSync(join(dir, "release"), tampered, { recursive: true });
    cpSync(internalDir(join(dir, "release")), internalDir(tampered), { recursive: true });
    const sql = spawnSync(process.execPath, ["--input-type=module", "-e", TAMPER, join(tampered, "published.duckdb")], { cwd: ROOT, encoding: "utf8" });
    expect(sql.status, sql.stderr).toBe(0);
    const failed = boussole("audit", tampered);
    expect(failed.code, failed.stdout).toBe(1);
    expect(failed.stdout).toMatch(/^FAIL 1 hidden cell\(s\) carry a number/m);
    expect(failed.stdout).toMatch(/^FAILED: release [0-9a-f]{16}/m);
    const notRelease = boussole("audit", dir);
    expect(notRelease.code).toBe(2);
    expect(notRelease.stderr).toContain("is not a release: published.duckdb is missing");
    const noWarehouse = boussole("publish", "--warehouse", join(dir, "none.duckdb"), "--out", join(dir, "r2"));
    expect(noWarehouse.code).toBe(2);
    expect(existsSync(join(dir, "r2"))).toBe(false);
  }, 300_000); // publish, audit and the independent attacker, each a process of its own, on a shared machine
});
