import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as store from "./index.ts";
import { AppDatabase, type Baseline, type NewCycle } from "./index.ts";

const dir = () => mkdtempSync(join(process.env.BOUSSOLE_TEST_TMP ?? tmpdir(), "boussole-app-"));
const BASELINE: Baseline = { indicator: "gmd-coverage", year: 2024, value: 71.5, lower: 70, upper: 73, releaseId: "r1" };
const CYCLE: NewCycle = {
  system: "ZPL",
  zone: "Z01",
  indicators: ["gmd-coverage"],
  title: "More GMDs",
  problem: "Coverage is low",
  baseline: BASELINE,
  target: null,
  previousId: null,
  actionsFrom: null,
};

let opened: AppDatabase[] = [];
afterEach(async () => {
  for (const db of opened) await db.close();
  opened = [];
});
async function open(path = ":memory:", now?: () => Date) {
  const db = await AppDatabase.open(path, { now });
  opened.push(db);
  return db;
}
async function withUser(db: AppDatabase) {
  return db.write((q) => store.createUser(q, { username: "ann", displayName: "Ann", role: "editor", zones: [{ system: "ZPL", zone: "Z01" }], passwordHash: "x" }, db.now()));
}

describe("users and sessions", () => {
  it("creates, finds and updates users; zones only for editors; usernames unique", async () => {
    const db = await open();
    const ann = await withUser(db);
    expect(ann).toMatchObject({ username: "ann", role: "editor", zones: [{ system: "ZPL", zone: "Z01" }], disabled: false, failedLogins: 0, lockedUntil: null });
    expect(ann).not.toHaveProperty("passwordHash");
    await expect(db.write((q) => store.createUser(q, { username: "ann", displayName: "Other", role: "admin", zones: [], passwordHash: "y" }, db.now()))).rejects.toMatchObject({ kind: "conflict" });
    const analyst = await db.write((q) => store.updateUser(q, ann.id, { role: "analyst" }, db.now()));
    expect(analyst.zones).toEqual([]);
    expect(await db.read((q) => store.countUsers(q, { role: "analyst", enabled: true }))).toBe(1);
  });

  it("sessions: hashed at rest, expire, end when the user is disabled or their password changes", async () => {
    let now = new Date("2026-01-01T08:00:00Z");
    const db = await open(":memory:", () => now);
    const ann = await withUser(db);
    const s = await db.write((q) => store.createSession(q, ann.id, now, 3_600_000));
    expect(s.id).toMatch(/^[\w-]{43}$/);
    const stored = await db.read((q) => q.all<{ id_hash: string }>("SELECT id_hash FROM sessions"));
    expect(stored[0]?.id_hash).not.toBe(s.id);
    expect(await db.read((q) => store.findSession(q, s.id, now))).toMatchObject({ user: { username: "ann" }, session: { csrfToken: s.csrfToken } });
    now = new Date("2026-01-01T09:00:01Z");
    expect(await db.read((q) => store.findSession(q, s.id, now))).toBeNull();
    const s2 = await db.write((q) => store.createSession(q, ann.id, now, 3_600_000));
    await db.write((q) => store.updateUser(q, ann.id, { passwordHash: "new" }, now));
    expect(await db.read((q) => store.findSession(q, s2.id, now))).toBeNull();
    const s3 = await db.write((q) => store.createSession(q, ann.id, now, 3_600_000));
    await db.write((q) => store.updateUser(q, ann.id, { disabled: true }, now));
    expect(await db.read((q) => store.findSession(q, s3.id, now))).toBeNull();
  });
});

describe("cycles", () => {
  it("walks plan → do → check → act → closed with its rules, and records every change", async () => {
    const db = await open();
    const ann = await withUser(db);
    const c = await db.write((q) => store.createCycle(q, CYCLE, ann, db.now()));
    expect(c).toMatchObject({ phase: "plan", version: 1, decision: null });
    const move = (to: store.Phase, decision?: store.Decision) => db.write((q) => store.movePhase(q, c.id, { to, decision }, ann, db.now()));
    await expect(move("do")).rejects.toThrow("set a target before starting the actions");
    await db.write((q) => store.updateCycle(q, c.id, { target: { value: 80, date: "2027-12-31" } }, ann, db.now()));
    await expect(move("do")).rejects.toThrow("plan at least one action");
    const a = await db.write((q) => store.addAction(q, c.id, { description: "Call GPs", owner: "Ann", dueDate: "2027-03-01", status: "planned" }, ann, db.now()));
    expect((await move("do")).doStartedAt).toBeInstanceOf(Date);
    await expect(move("act")).rejects.toThrow("can move to check or plan only");
    await expect(db.write((q) => store.updateCycle(q, c.id, { indicators: ["gmd-coverage", "premature-mortality"] }, ann, db.now()))).rejects.toThrow("fixed once the cycle has left plan");
    await move("check");
    await move("do"); // one step back: the data is not there yet
    await move("check");
    await move("act");
    await expect(move("closed")).rejects.toThrow("closing needs a decision");
    await db.write((q) => store.updateCycle(q, c.id, { decision: "adapt" }, ann, db.now()));
    expect((await move("check")).decision).toBeNull(); // back from act withdraws the decision
    await move("act");
    const closed = await move("closed", "adopt");
    expect(closed).toMatchObject({ phase: "closed", decision: "adopt" });
    await expect(db.write((q) => store.updateAction(q, c.id, a.id, { status: "done" }, ann, db.now()))).rejects.toThrow("closed");
    await db.write((q) => store.addNote(q, c.id, "What we learnt", ann, db.now())); // notes stay open
    const history = await db.read((q) => store.listHistory(q, c.id));
    expect(history.map((h) => (h.what.type === "cycle.phase" ? `${h.what.from}>${h.what.to}` : h.what.type))).toEqual([
      "cycle.created",
      "cycle.updated",
      "action.added",
      "plan>do",
      "do>check",
      "check>do",
      "do>check",
      "check>act",
      "cycle.updated",
      "act>check",
      "check>act",
      "act>closed",
      "note.added",
    ]);
    expect(history[1]?.what).toEqual({ type: "cycle.updated", changes: { target: { from: null, to: { value: 80, date: "2027-12-31" } } } });
    expect(history.every((h) => h.username === "ann")).toBe(true);

    // A follower must name a closed cycle of the same zone.
    const next = await db.write((q) => store.createCycle(q, { ...CYCLE, previousId: c.id }, ann, db.now()));
    expect(await db.read((q) => store.followersOf(q, c.id))).toEqual([next.id]);
    await expect(db.write((q) => store.createCycle(q, { ...CYCLE, previousId: next.id }, ann, db.now()))).rejects.toThrow("can only follow a closed");
    await expect(db.write((q) => store.createCycle(q, { ...CYCLE, zone: "Z02", previousId: c.id }, ann, db.now()))).rejects.toThrow("another zone");
  });

  it("refuses a stale version and leaves nothing of a failed transaction", async () => {
    const db = await open();
    const ann = await withUser(db);
    const c = await db.write((q) => store.createCycle(q, CYCLE, ann, db.now()));
    const v2 = await db.write((q) => store.updateCycle(q, c.id, { title: "New title" }, ann, db.now(), 1));
    expect(v2.version).toBe(2);
    await expect(db.write((q) => store.updateCycle(q, c.id, { title: "Lost update" }, ann, db.now(), 1))).rejects.toMatchObject({ kind: "conflict" });
    // The note is written, then the transaction fails: neither the note nor its history remain.
    await expect(
      db.write(async (q) => {
        await store.addNote(q, c.id, "half-done", ann, db.now());
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const detail = await db.read(async (q) => ({ notes: await store.listNotes(q, c.id), history: await store.listHistory(q, c.id) }));
    expect(detail.notes).toEqual([]);
    expect(detail.history.map((h) => h.what.type)).toEqual(["cycle.created", "cycle.updated"]);
  });

  it("refuses a unit of work started inside another (it would wait forever)", async () => {
    const db = await open();
    await expect(db.write(() => db.read((q) => q.all("SELECT 1")))).rejects.toThrow("inside another");
    expect(await db.read((q) => q.all("SELECT 42 AS x"))).toEqual([{ x: 42 }]);
  });

  it("keeps text verbatim and everything after reopening the file", async () => {
    const path = join(dir(), "app.duckdb");
    const db = await open(path);
    const ann = await withUser(db);
    const nasty = "'); DROP TABLE cycles; -- <script>alert('x')</script> \"quoted\" \\ é 🧭";
    const c = await db.write((q) => store.createCycle(q, { ...CYCLE, title: nasty, problem: nasty }, ann, db.now()));
    await db.write((q) => store.addNote(q, c.id, nasty, ann, db.now()));
    await db.close();
    const again = await open(path);
    const [cycle] = await again.read((q) => store.listCycles(q, { system: "ZPL", zone: "Z01" }));
    expect(cycle?.title).toBe(nasty);
    expect((await again.read((q) => store.listNotes(q, c.id)))[0]?.text).toBe(nasty);
  });
});
