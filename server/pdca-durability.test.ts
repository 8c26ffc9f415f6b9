// An acknowledged write survives a crash: the real server (`boussole serve --app-db`) takes a
// burst of concurrent writes and is SIGKILLed in the middle of it, 20 times; after every
// restart each write answered 201 is there, and app.duckdb opens cleanly (the server starts).
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { hashPassword } from "../pdca/accounts/password.ts";
import { AppDatabase, createCycle, createUser, listHistory, listNotes } from "../pdca/store/index.ts";
import { writeFixtureRelease } from "./test-support/fixture.ts";
import { temporaryDirectory } from "./test-support/app.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "boussole.js");
const ROUNDS = 20;
const WRITERS = 8;
const PASSWORD = "correct horse battery staple";

interface Server {
  url: string;
  child: ChildProcess;
  exited: Promise<number | string | null>;
}

async function start(release: string, appDb: string): Promise<Server> {
  const child = spawn(process.execPath, [BIN, "serve", "--release", release, "--app-db", appDb, "--port", "0", "--log-level", "warn", "--rate-limit", "0", "--web", join(release, "no-web")], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | string | null>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal)));
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      stdout += d.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
      if (m) resolve(m[1] as string);
    });
    void exited.then((code) => reject(new Error(`serve exited (${code}) before listening: ${stderr}`)));
  });
  return { url, child, exited };
}

describe("durability of app.duckdb", () => {
  it(`keeps every acknowledged write across ${ROUNDS} SIGKILLs in the middle of a burst`, async () => {
    const t0 = performance.now();
    const parent = temporaryDirectory();
    const release = join(parent, "release");
    await writeFixtureRelease(release);
    const appDb = join(parent, "app.duckdb");
    const seed = await AppDatabase.open(appDb);
    const admin = await seed.write(async (q) =>
      createUser(q, { username: "admin", displayName: "Admin", role: "admin", zones: [], passwordHash: await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 }) }, seed.now()),
    );
    const cycle = await seed.write((q) =>
      createCycle(
        q,
        {
          system: "ZPL",
          zone: "Z01",
          indicators: ["gmd-coverage"],
          title: "t",
          problem: "p",
          baseline: { indicator: "gmd-coverage", year: 2024, value: 70, lower: null, upper: null, releaseId: "x" },
          target: null,
          previousId: null,
          actionsFrom: null,
        },
        admin,
        seed.now(),
      ),
    );
    await seed.close();

    const acknowledged: string[] = [];
    let headers: Record<string, string> = {};
    const startups: number[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      const s0 = performance.now();
      const server = await start(release, appDb);
      startups.push(performance.now() - s0);
      try {
        if (round === 0) {
          const r = await fetch(`${server.url}/api/v1/auth/login`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ username: "admin", password: PASSWORD }),
          });
          expect(r.status).toBe(200);
          // The session lives in app.duckdb: it outlives every restart below.
          headers = { cookie: (r.headers.get("set-cookie") ?? "").split(";")[0] as string, "x-csrf-token": ((await r.json()) as { csrfToken: string }).csrfToken, "content-type": "application/json" };
        }
        const detail = (await (await fetch(`${server.url}/api/v1/cycles/${cycle.id}`, { headers })).json()) as { notes: { text: string }[] };
        const stored = new Set(detail.notes.map((n) => n.text));
        const missing = acknowledged.filter((t) => !stored.has(t));
        expect(missing, `round ${round}: acknowledged but lost`).toEqual([]);
        if (round === ROUNDS) break;

        // The burst: WRITERS clients writing notes back to back; SIGKILL once `target` of them
        // were acknowledged, with the others in flight.
        const target = 5 + ((round * 7) % 20);
        let acked = 0;
        let killed = false;
        const writer = async (w: number) => {
          for (let i = 0; !killed; i++) {
            const text = `round ${round} writer ${w} note ${i}`;
            try {
              const r = await fetch(`${server.url}/api/v1/cycles/${cycle.id}/notes`, { method: "POST", headers, body: JSON.stringify({ text }) });
              if (r.status !== 201) throw new Error(`unexpected ${r.status}: ${await r.text()}`);
              acknowledged.push(text);
              if (++acked >= target && !killed) {
                killed = true;
                server.child.kill("SIGKILL");
              }
            } catch (e) {
              if (!killed) throw e;
            }
          }
        };
        await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
        expect(await server.exited).toBe("SIGKILL");
      } finally {
        if (server.child.exitCode === null && server.child.signalCode === null) {
          server.child.kill("SIGTERM");
          await server.exited;
        }
      }
    }

    // The file itself: every acknowledged note, and each note with its history entry (one transaction).
    const db = await AppDatabase.open(appDb);
    try {
      const notes = await db.read((q) => listNotes(q, cycle.id));
      const history = await db.read((q) => listHistory(q, cycle.id));
      const texts = new Set(notes.map((n) => n.text));
      expect(acknowledged.every((t) => texts.has(t))).toBe(true);
      expect(history.filter((h) => h.what.type === "note.added").length).toBe(notes.length);
      const seconds = (performance.now() - t0) / 1000;
      const mean = startups.reduce((a, b) => a + b, 0) / startups.length / 1000;
      console.info(`durability: ${ROUNDS} kills, ${acknowledged.length} acknowledged writes (${notes.length} stored), ${seconds.toFixed(1)} s in all, server start ${mean.toFixed(2)} s on average`);
    } finally {
      await db.close();
    }
  }, 600_000);
});
