import { describe, expect, it } from "vitest";
import { afterFailure, afterSuccess, DEFAULT_LOCKOUT, lockRemaining } from "./lockout.ts";
import { hashPassword, passwordProblem, verifyPassword } from "./password.ts";
import { canManageUsers, canReadCycles, canWriteZone } from "./permissions.ts";
import { PhantomLockout, WindowLimiter } from "./throttle.ts";
import { formatZones, parseZones } from "./zones.ts";

describe("passwords", () => {
  it("hash with scrypt and a salt of their own, and verify", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse battery", a)).toBe(true);
    expect(await verifyPassword("correct horse batterY", a)).toBe(false);
    expect(await verifyPassword("x", "not a hash")).toBe(false);
    // Cheaper parameters are read back from the hash.
    expect(await verifyPassword("pw", await hashPassword("pw", { N: 1024, r: 8, p: 1 }))).toBe(true);
  });

  it("ask for length, not composition", () => {
    expect(passwordProblem("short")?.message).toMatch(/at least 12/);
    expect(passwordProblem("aaaaaaaaaaaaaaaa")?.message).toMatch(/so few characters/);
    expect(passwordProblem("a long passphrase")).toBeNull();
  });
});

describe("lockout", () => {
  const t0 = new Date("2026-01-01T10:00:00Z");
  it("locks for 15 minutes after 5 failures in a row, then starts again", () => {
    let s = { failedLogins: 0, lockedUntil: null as Date | null };
    for (let i = 1; i <= 4; i++) {
      s = afterFailure(s, t0);
      expect(s).toEqual({ failedLogins: i, lockedUntil: null });
    }
    s = afterFailure(s, t0);
    expect(s.lockedUntil?.toISOString()).toBe("2026-01-01T10:15:00.000Z");
    expect(lockRemaining(s, new Date("2026-01-01T10:14:59Z"))).toBe(1000);
    // A failure recorded during the lock (a concurrent attempt) neither lifts nor extends it.
    expect(afterFailure(s, new Date("2026-01-01T10:05:00Z"))).toBe(s);
    expect(lockRemaining(s, new Date("2026-01-01T10:15:00Z"))).toBe(0);
    expect(afterFailure(s, new Date("2026-01-01T10:20:00Z"))).toEqual({ failedLogins: 1, lockedUntil: null });
    expect(afterSuccess()).toEqual({ failedLogins: 0, lockedUntil: null });
    expect(DEFAULT_LOCKOUT).toEqual({ maxFailures: 5, lockMs: 900_000 });
  });

  it("locks unknown usernames the same way", () => {
    const p = new PhantomLockout(DEFAULT_LOCKOUT);
    for (let i = 0; i < 5; i++) p.fail("nobody", t0);
    expect(p.remaining("nobody", t0)).toBe(900_000);
    expect(p.remaining("other", t0)).toBe(0);
  });
});

describe("WindowLimiter", () => {
  it("allows max hits per window and key, then says how long to wait", () => {
    const l = new WindowLimiter(3, 60_000);
    expect([l.hit("a", 0), l.hit("a", 1), l.hit("a", 2), l.hit("a", 10_000)]).toEqual([0, 0, 0, 50_000]);
    expect(l.hit("b", 10_000)).toBe(0);
    expect(l.hit("a", 60_000)).toBe(0);
  });

  it("stays bounded under many keys", () => {
    const l = new WindowLimiter(1, 60_000, 100);
    for (let i = 0; i < 1000; i++) l.hit(`k${i}`, i);
    expect((l as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(100);
  });
});

describe("permissions", () => {
  const z1 = { system: "ZPL", zone: "Z01" };
  const z2 = { system: "ZPL", zone: "Z02" };
  it("editors write for their zones, analysts and admins for all, admins manage users", () => {
    const editor = { role: "editor" as const, zones: [z1] };
    expect([canWriteZone(editor, z1), canWriteZone(editor, z2), canWriteZone(editor, { system: "OTHER", zone: "Z01" })]).toEqual([true, false, false]);
    expect(canWriteZone({ role: "analyst", zones: [] }, z2)).toBe(true);
    expect(canWriteZone(null, z1)).toBe(false);
    expect([canReadCycles(null), canReadCycles(editor)]).toEqual([false, true]);
    expect([canManageUsers(editor), canManageUsers({ role: "analyst", zones: [] }), canManageUsers({ role: "admin", zones: [] })]).toEqual([false, false, true]);
  });
});

describe("zones", () => {
  it("parses SYSTEM:ZONE lists and names the bad item", () => {
    expect(parseZones("ZPL:Z01, ZPL:Z02,ZPL:Z01")).toEqual([
      { system: "ZPL", zone: "Z01" },
      { system: "ZPL", zone: "Z02" },
    ]);
    expect(formatZones(parseZones("A:1,B:2"))).toBe("A:1,B:2");
    expect(() => parseZones("ZPL-Z01")).toThrow("'ZPL-Z01' is not SYSTEM:ZONE");
    expect(() => parseZones("ZPL:Z01:x")).toThrow();
  });
});
