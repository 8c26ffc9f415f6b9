import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discard, removeStaleTemporaries, replaceAtomically, temporaryPathFor } from "./atomic-file.ts";

const root = mkdtempSync(join(tmpdir(), "boussole-atomic-"));
let sleeper: ChildProcess;
let deadPid: number;

beforeAll(async () => {
  sleeper = spawn("sleep", ["60"], { stdio: "ignore" });
  await new Promise<void>((resolve, reject) => {
    sleeper.once("spawn", () => resolve());
    sleeper.once("error", reject);
  });
  // A process that has come and gone: its pid is free.
  const done = spawnSync("true");
  deadPid = done.pid as number;
  expect(() => process.kill(deadPid, 0)).toThrow();
});

afterAll(() => {
  if (sleeper.exitCode === null) sleeper.kill();
  rmSync(root, { recursive: true, force: true });
});

let dirNo = 0;
function freshDir(): string {
  const dir = join(root, `d${dirNo++}`);
  mkdirSync(dir);
  return dir;
}

describe("temporaryPathFor", () => {
  it("puts the temporary beside the target, hidden, named after it and this process", () => {
    const target = join(root, "sub", "warehouse.duckdb");
    const tmp = temporaryPathFor(target);
    expect(dirname(tmp)).toBe(dirname(target));
    expect(basename(tmp).startsWith(`.warehouse.duckdb.tmp-${process.pid}-`)).toBe(true);
    expect(basename(tmp)).toMatch(/^\.warehouse\.duckdb\.tmp-\d+-\d+-[a-z0-9]+$/);
  });
});

describe("removeStaleTemporaries", () => {
  it("removes temporaries of dead processes and of this one, keeps a live process's, touches nothing else", async () => {
    const dir = freshDir();
    const target = join(dir, "warehouse.duckdb");
    const pid = sleeper.pid as number;
    const stale = [`.warehouse.duckdb.tmp-${deadPid}-1700000000000`, `.warehouse.duckdb.tmp-${deadPid}-1700000000000.wal`, `.warehouse.duckdb.tmp-${process.pid}-1700000000001`];
    const live = [`.warehouse.duckdb.tmp-${pid}-1700000000002`, `.warehouse.duckdb.tmp-${pid}-1700000000002.wal`];
    const others = [
      "warehouse.duckdb",
      "warehouse.duckdb.wal",
      ".warehouse.duckdb.bak",
      ".warehouse.duckdb.tmp",
      `.other.duckdb.tmp-${deadPid}-1700000000000`,
      `warehouse.duckdb.tmp-${deadPid}-1700000000000`,
      "notes.txt",
    ];
    for (const name of [...stale, ...live, ...others]) writeFileSync(join(dir, name), name);

    const removed = await removeStaleTemporaries(target);
    expect([...removed].sort()).toEqual([...stale].sort());
    expect(readdirSync(dir).sort()).toEqual([...live, ...others].sort());
    // Untouched files keep their content.
    for (const name of others) expect(readFileSync(join(dir, name), "utf8")).toBe(name);
  });

  it("removes the live process's temporary once that process has ended", async () => {
    const dir = freshDir();
    const target = join(dir, "w.duckdb");
    const child = spawn("sleep", ["60"], { stdio: "ignore" });
    const pid = child.pid as number;
    const name = `.w.duckdb.tmp-${pid}-1`;
    writeFileSync(join(dir, name), "x");
    expect(await removeStaleTemporaries(target)).toEqual([]);
    expect(existsSync(join(dir, name))).toBe(true);
    await new Promise((resolve) => {
      child.once("exit", resolve);
      child.kill();
    });
    expect(await removeStaleTemporaries(target)).toEqual([name]);
    expect(existsSync(join(dir, name))).toBe(false);
  });

  it("returns nothing for a directory that does not exist", async () => {
    expect(await removeStaleTemporaries(join(root, "missing", "w.duckdb"))).toEqual([]);
  });
});

describe("replaceAtomically", () => {
  it("replaces the target's content and removes the old file's stale WAL", async () => {
    const dir = freshDir();
    const target = join(dir, "warehouse.duckdb");
    writeFileSync(target, "old warehouse");
    writeFileSync(`${target}.wal`, "old wal that must not be replayed");
    const tmp = temporaryPathFor(target);
    writeFileSync(tmp, "new warehouse");
    writeFileSync(`${tmp}.wal`, "leftover");

    await replaceAtomically(tmp, target);
    expect(readFileSync(target, "utf8")).toBe("new warehouse");
    expect(existsSync(`${target}.wal`)).toBe(false);
    expect(existsSync(tmp)).toBe(false);
    expect(existsSync(`${tmp}.wal`)).toBe(false);
    expect(readdirSync(dir)).toEqual(["warehouse.duckdb"]);
  });

  it("creates the target when there was none", async () => {
    const dir = freshDir();
    const target = join(dir, "first.duckdb");
    const tmp = temporaryPathFor(target);
    writeFileSync(tmp, "first");
    await replaceAtomically(tmp, target);
    expect(readFileSync(target, "utf8")).toBe("first");
    expect(readdirSync(dir)).toEqual(["first.duckdb"]);
  });

  it("fails, leaving the target alone, when the temporary does not exist", async () => {
    const dir = freshDir();
    const target = join(dir, "kept.duckdb");
    writeFileSync(target, "kept");
    await expect(replaceAtomically(join(dir, ".kept.duckdb.tmp-1-1"), target)).rejects.toThrow();
    expect(readFileSync(target, "utf8")).toBe("kept");
  });
});

describe("discard", () => {
  it("removes a temporary and its WAL, and is quiet when they are gone", async () => {
    const dir = freshDir();
    const target = join(dir, "w.duckdb");
    writeFileSync(target, "kept");
    const tmp = temporaryPathFor(target);
    writeFileSync(tmp, "x");
    writeFileSync(`${tmp}.wal`, "y");
    await discard(tmp);
    expect(readdirSync(dir)).toEqual(["w.duckdb"]);
    await expect(discard(tmp)).resolves.toBeUndefined();
  });
});
