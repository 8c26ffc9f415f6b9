// The first `npm start` as its user meets it (issue 15: ≤ 90 s on an idle 2-core machine): the
// real `start` command on an empty data folder (sample at 0.01, load, publish, examples), timed
// from the command to the port's first answer (the building page) and to the release served
// (GET /api/v1/release answering 200: the first look, the latest year alone) and to the whole
// release served (the same answer with `preview: false`). Vite's build, which `npm start` runs
// first, is not in it (a few seconds; the dashboard bench measures the web).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../cli/port.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface FirstStartBench {
  /** From the command to the port's first answer (the building page, 503). */
  firstAnswerSeconds: number;
  /** From the command to the first look served (the latest year, protected and audited: the dashboard's first data). */
  firstLookSeconds: number;
  /** From the command to the whole release served (every year). */
  releaseSeconds: number;
  loadBefore: number;
  loadAfter: number;
  /** ≤ 90 s to the first data served. */
  withinTarget: boolean;
}

async function statusOf(url: string): Promise<{ status: number; preview?: boolean } | null> {
  try {
    const r = await fetch(url, { cache: "no-store" });
    const body = await r.text();
    return { status: r.status, preview: r.status === 200 ? (JSON.parse(body) as { preview: boolean }).preview : undefined };
  } catch {
    return null;
  }
}

export async function benchFirstStart(): Promise<FirstStartBench> {
  const data = mkdtempSync(join(tmpdir(), "boussole-first-start-"));
  const port = await freePort();
  const loadBefore = loadavg()[0]!;
  const started = performance.now();
  const child = spawn(process.execPath, ["--max-semi-space-size=64", join(ROOT, "bin", "boussole.js"), "start", "--data", data, "--port", String(port)], {
    cwd: ROOT,
    env: { ...process.env, CI: "true" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  let exit: number | null | undefined;
  child.once("exit", (code) => (exit = code));
  const url = `http://127.0.0.1:${port}/api/v1/release`;
  let firstAnswer: number | null = null;
  let firstLook: number | null = null;
  try {
    for (;;) {
      if (exit !== undefined) throw new Error(`start exited with ${exit} before serving the release`);
      const answer = await statusOf(url);
      const now = performance.now() - started;
      if (answer !== null && firstAnswer === null) firstAnswer = now;
      if (answer?.status === 200 && firstLook === null) firstLook = now;
      if (answer?.status === 200 && answer.preview === false) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const release = (performance.now() - started) / 1000;
    return { firstAnswerSeconds: firstAnswer! / 1000, firstLookSeconds: firstLook! / 1000, releaseSeconds: release, loadBefore, loadAfter: loadavg()[0]!, withinTarget: firstLook! / 1000 <= 90 };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => (exit === undefined ? child.once("exit", r) : r(null)));
    rmSync(data, { recursive: true, force: true });
  }
}
