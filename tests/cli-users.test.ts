import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "../pdca/accounts/password.ts";
import { AppDatabase, userByUsername } from "../pdca/store/index.ts";
import { ROOT, temporaryDirectory } from "./helpers.ts";

function boussole(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "boussole.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CI: "true", BOUSSOLE_PASSWORD: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
/** The same, without waiting: independent runs side by side. */
function boussoleAsync(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, "bin", "boussole.js"), ...args], {
      cwd: ROOT,
      env: { ...process.env, CI: "true", BOUSSOLE_PASSWORD: "", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}
const PASSWORD = { BOUSSOLE_PASSWORD: "a long enough passphrase" };

describe("boussole users", () => {
  it("adds, lists, disables and re-enables accounts; the password comes from BOUSSOLE_PASSWORD", async () => {
    const appDb = join(temporaryDirectory(), "data", "app.duckdb");
    const add = boussole(["users", "add", "Ann", "--role", "editor", "--zones", "ZPL:Z01,ZPL:Z02", "--name", "Ann Peeters", "--app-db", appDb], PASSWORD);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toBe("added ann\teditor\tactive\tZPL:Z01,ZPL:Z02\tAnn Peeters\n");
    expect(boussole(["users", "add", "root", "--role", "admin", "--app-db", appDb], PASSWORD).code).toBe(0);
    expect(boussole(["users", "list", "--app-db", appDb]).stdout).toBe("ann\teditor\tactive\tZPL:Z01,ZPL:Z02\tAnn Peeters\nroot\tadmin\tactive\t-\troot\n");
    const json = JSON.parse(boussole(["users", "list", "--json", "--app-db", appDb]).stdout) as { username: string; passwordHash?: string }[];
    expect(json.map((u) => u.username)).toEqual(["ann", "root"]);
    expect(json[0]).not.toHaveProperty("passwordHash");
    expect(boussole(["users", "disable", "ann", "--app-db", appDb]).stdout).toBe("disabled ann\n");
    expect(boussole(["users", "list", "--app-db", appDb]).stdout).toContain("ann\teditor\tdisabled");
    expect(boussole(["users", "enable", "ann", "--app-db", appDb]).code).toBe(0);
    expect(boussole(["users", "password", "ann", "--app-db", appDb], { BOUSSOLE_PASSWORD: "another long passphrase" }).code).toBe(0);
    const db = await AppDatabase.open(appDb);
    try {
      const ann = await db.read((q) => userByUsername(q, "ann"));
      expect(ann?.disabled).toBe(false);
      expect(await verifyPassword("another long passphrase", ann?.passwordHash ?? "")).toBe(true);
      // While a process holds app.duckdb (a running server), the CLI says so.
      const busy = boussole(["users", "list", "--app-db", appDb]);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(/is in use by another process .*boussole serve/);
    } finally {
      await db.close();
    }
  });

  it("refuses bad usage with exit code 2 and a message, and never takes a password on the command line", async () => {
    const appDb = join(temporaryDirectory(), "app.duckdb");
    const cases: [string[], Record<string, string>, RegExp][] = [
      [["users", "add", "ann", "--role", "editor", "--zones", "ZPL:Z01"], {}, /set BOUSSOLE_PASSWORD, or run the command at a terminal/],
      [["users", "add", "ann", "--role", "editor", "--zones", "ZPL:Z01"], { BOUSSOLE_PASSWORD: "short" }, /at least 12 characters/],
      [["users", "add", "ann", "--role", "editor"], PASSWORD, /an editor needs --zones/],
      [["users", "add", "ann", "--role", "analyst", "--zones", "ZPL:Z01"], PASSWORD, /editors only/],
      [["users", "add", "ann", "--role", "editor", "--zones", "Z01"], PASSWORD, /'Z01' is not SYSTEM:ZONE/],
      [["users", "add", "ann", "--role", "boss"], PASSWORD, /--role must be one of editor, analyst, admin/],
      [["users", "add", "a b", "--role", "admin"], PASSWORD, /invalid username/],
      [["users", "add", "ann", "--role", "admin", "--password", "a long enough passphrase"], {}, /unknown option '--password'/],
    ];
    const results = await Promise.all(cases.map(([args, env]) => boussoleAsync([...args, "--app-db", appDb], env)));
    for (const [i, [args, , message]] of cases.entries()) {
      const r = results[i]!;
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(boussole(["users", "add", "ann", "--role", "admin", "--app-db", appDb], PASSWORD).code).toBe(0);
    const again = boussole(["users", "add", "ann", "--role", "admin", "--app-db", appDb], PASSWORD);
    expect([again.code, again.stderr]).toEqual([1, "boussole: the username 'ann' is taken\n"]);
    expect(boussole(["users", "disable", "nobody", "--app-db", appDb]).stderr).toBe("boussole: no user 'nobody'\n");
  });
});
