import { spawn, spawnSync } from "node:child_process";
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { writeFixtureRelease } from "./test-support/fixture.ts";
import { temporaryDirectory } from "./test-support/app.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "boussole.js");

describe("boussole serve", () => {
  it("refuses a directory that is not a release, naming the missing file", () => {
    const dir = temporaryDirectory();
    const cases: [string, RegExp][] = [
      [join(dir, "nope"), /release directory not found: .*nope/],
      [dir, /is not a release: published\.duckdb is missing/],
    ];
    for (const [release, message] of cases) {
      const r = spawnSync(process.execPath, [BIN, "serve", "--release", release, "--port", "0"], { cwd: ROOT, encoding: "utf8" });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    writeFileSync(join(dir, "published.duckdb"), "");
    const r = spawnSync(process.execPath, [BIN, "serve", "--release", dir], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toMatch(/manifest\.json is missing/);
  });

  it("prints its URL, serves the release, swaps it on SIGHUP after the publisher replaced it, and stops on SIGTERM", async () => {
    const parent = temporaryDirectory();
    const dir = join(parent, "release");
    await writeFixtureRelease(dir, { releaseId: "servefixture0001" });
    const child = spawn(process.execPath, [BIN, "serve", "--release", dir, "--port", "0", "--log-level", "warn"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const until = async (test: () => boolean | Promise<boolean>, what: string) => {
        for (let i = 0; i < 300; i++) {
          if (await test()) return;
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error(`timed out waiting for ${what}; stdout: ${stdout}; stderr: ${stderr}`);
      };
      await until(() => /at (http:\/\/127\.0\.0\.1:\d+)\//.test(stdout), "the URL");
      const url = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)?.[1] as string;
      expect(stdout).toContain("serving release servefixture0001");
      const id = async () => ((await (await fetch(`${url}/api/v1/release`)).json()) as { releaseId: string }).releaseId;
      expect(await id()).toBe("servefixture0001");

      // The publisher's way: build beside, move the old one away, rename the new one in.
      const next = join(parent, ".release.partial");
      await writeFixtureRelease(next, { releaseId: "servefixture0002", shift: 2 });
      renameSync(dir, join(parent, "release.previous"));
      renameSync(next, dir);
      rmSync(join(parent, "release.previous"), { recursive: true, force: true });
      expect(await id()).toBe("servefixture0001"); // still the old one until told
      child.kill("SIGHUP");
      await until(async () => (await id()) === "servefixture0002", "the swap");
      expect(stderr).toContain("release servefixture0001 replaced by servefixture0002");

      // A broken release on SIGHUP: the current one keeps serving.
      rmSync(join(dir, "manifest.json"));
      child.kill("SIGHUP");
      await until(() => stderr.includes("release not swapped"), "the refusal");
      expect(await id()).toBe("servefixture0002");
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
