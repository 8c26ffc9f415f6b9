/**
 * The attacker against a deliberately weakened publisher (test-support/release.ts): each kind of link
 * the issue lists must expose a hidden count, and the same series without the link must not.
 * Releases go through the public-table writer and the attacker's own reader.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { attackRelease, type AttackOptions, type AttackReport } from "./index.ts";
import type { PublicIndicator } from "./types.ts";
import { WORLD, seriesCells, spread, weakPublish, writePublicRelease, type TrueCell, type WeakOptions } from "./test-support/release.ts";

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function run(cells: TrueCell[], indicators: PublicIndicator[], weak: WeakOptions, options: AttackOptions = {}, minCount?: number): Promise<AttackReport> {
  const dir = await mkdtemp(join(tmpdir(), "attacker-"));
  dirs.push(dir);
  await writePublicRelease(dir, { cells: weakPublish(cells, indicators, weak), indicators, ...WORLD, ...(minCount ? { minCount } : {}) });
  return attackRelease(dir, options);
}

const rate = (id: string): PublicIndicator => ({ id, statistic: "crude-rate" });
const protectedOld: WeakOptions = { complementary: true, reasons: "old" };
const leakOf = (r: AttackReport, indicatorId: string, kind: string, areaCode = "z1", year = 2024, stratumValue = "all") =>
  r.leaks.find((l) => l.indicatorId === indicatorId && l.kind === kind && l.areaCode === areaCode && l.year === year && l.stratumValue === stratumValue);

describe("independent attacker against a weakened publisher", () => {
  it("recovers a zone from Belgium minus the other zones when only primary cells are hidden", async () => {
    const cells = seriesCells("g", "total", "all", (y, z) => [z === "z1" && y === 2024 ? 3 : spread(1, y, z), spread(2, y, z, 400)]);
    const weak = await run(cells, [rate("g")], { complementary: false, reasons: "old" });
    expect(leakOf(weak, "g", "numerator")).toMatchObject({ min: 3, max: 3 });
    // One complementary zone per group is enough for a series on its own.
    const guarded = await run(cells, [rate("g")], protectedOld);
    expect(guarded.leaks).toEqual([]);
    expect(guarded.narrowestInterval).toBeGreaterThanOrEqual(5);
  });

  it("reports its progress once per component, the last one with every solve counted", async () => {
    const cells = seriesCells("g", "total", "all", (y, z) => [z === "z1" && y === 2024 ? 3 : spread(1, y, z), spread(2, y, z, 400)]);
    const seen: { components: number; done: number; solves: number }[] = [];
    const report = await run(cells, [rate("g")], protectedOld, { progress: (p) => seen.push(p) });
    expect(seen.length).toBe(report.components);
    expect(seen.map((p) => p.done)).toEqual(seen.map((_, k) => k + 1));
    expect(seen.at(-1)).toMatchObject({ components: report.components, solves: report.lpSolves });
  });

  it("links the same persons counted by two definitions (equal series), with or without primary reasons", async () => {
    const num = (y: number, z: string) => (z === "z1" && y === 2024 ? 3 : spread(3, y, z));
    // Different populations: each definition picks a different complementary zone.
    const a = seriesCells("a", "total", "all", (y, z) => [num(y, z), y === 2024 && z !== "z1" ? (z === "z2" ? 300 : 500) : spread(4, y, z, 400)]);
    const a2 = seriesCells("a-crude", "total", "all", (y, z) => [num(y, z), y === 2024 && z !== "z1" ? (z === "z2" ? 520 : 320) : spread(5, y, z, 420)]);
    const alone = await run(a, [rate("a")], protectedOld);
    expect(alone.leaks).toEqual([]);
    for (const reasons of ["old", "suppressed"] as const) {
      const both = await run([...a, ...a2], [rate("a"), rate("a-crude")], { complementary: true, reasons });
      expect(both.relations.some((r) => r.kind === "equal" && r.series.includes("a|n|total|all") && r.series.includes("a-crude|n|total|all"))).toBe(true);
      expect(leakOf(both, "a", "numerator")).toMatchObject({ min: 3, max: 3 });
      expect(leakOf(both, "a-crude", "numerator")).toMatchObject({ min: 3, max: 3 });
    }
  });

  it("finds a sum across indicators: all deaths = deaths 0-74 + deaths 75+", async () => {
    const pop = (y: number, z: string) => spread(6, y, z, 400);
    const young = (y: number, z: string) => (z === "z1" && y === 2024 ? 2 : spread(7, y, z, 20));
    const old = (y: number, z: string) => spread(8, y, z, 50);
    const d1 = seriesCells("deaths-0-74", "total", "all", (y, z) => [young(y, z), pop(y, z)]);
    const d2 = seriesCells("deaths-75", "total", "all", (y, z) => [old(y, z), pop(y, z)]);
    const d = seriesCells("deaths", "total", "all", (y, z) => [young(y, z) + old(y, z), pop(y, z)]);
    // One public reason: the shared population is itself a link (its hidden cells are published
    // by the other indicator), but the deaths are not recoverable without the all-cause series.
    const suppressed: WeakOptions = { complementary: true, reasons: "suppressed" };
    // (The population itself comes out exactly, but it is large: no small count, no leak.)
    const parts = await run([...d1, ...d2], [rate("deaths-0-74"), rate("deaths-75")], suppressed);
    expect(parts.leaks).toEqual([]);
    const all = await run([...d1, ...d2, ...d], [rate("deaths-0-74"), rate("deaths-75"), rate("deaths")], suppressed);
    expect(all.relations.some((r) => r.kind === "sum" && r.series[0] === "deaths|n|total|all")).toBe(true);
    expect(leakOf(all, "deaths-0-74", "numerator")).toMatchObject({ min: 2, max: 2 });
  });

  it("adds the strata of the -bim and -non-bim indicators up to the base indicator's strata", async () => {
    const count = (seed: number, hole: boolean) => (y: number, z: string) => (hole && z === "z1" && y === 2024 ? 2 : spread(seed, y, z, 30));
    const bimF = count(9, true);
    const bimM = count(10, false);
    const nonF = count(11, false);
    const nonM = count(12, false);
    const den = (seed: number) => (y: number, z: string) => spread(seed, y, z, 300);
    const indicator = (id: string, f: (y: number, z: string) => number, m: (y: number, z: string) => number, df: (y: number, z: string) => number, dm: (y: number, z: string) => number) => [
      ...seriesCells(id, "total", "all", (y, z) => [f(y, z) + m(y, z), df(y, z) + dm(y, z)]),
      ...seriesCells(id, "sex", "F", (y, z) => [f(y, z), df(y, z)]),
      ...seriesCells(id, "sex", "M", (y, z) => [m(y, z), dm(y, z)]),
    ];
    const add = (f: (y: number, z: string) => number, g: (y: number, z: string) => number) => (y: number, z: string) => f(y, z) + g(y, z);
    const bim = indicator("x-bim", bimF, bimM, den(13), den(14));
    const non = indicator("x-non-bim", nonF, nonM, den(15), den(16));
    const base = indicator("x", add(bimF, nonF), add(bimM, nonM), add(den(13), den(15)), add(den(14), den(16)));
    const ids = [rate("x-bim"), rate("x-non-bim"), rate("x")];
    const alone = await run(bim, [ids[0]!], protectedOld);
    expect(alone.leaks).toEqual([]);
    const r = await run([...bim, ...non, ...base], ids, protectedOld);
    expect(r.relations.some((x) => x.kind === "sum" && x.series[0] === "x|n|sex|F")).toBe(true);
    expect(leakOf(r, "x-bim", "numerator", "z1", 2024, "F")).toMatchObject({ min: 2, max: 2 });
  });

  it("links one indicator's numerator to another's denominator", async () => {
    const treated = (y: number, z: string) => spread(17, y, z, 60);
    const tested = (y: number, z: string) => (z === "z1" && y === 2024 ? 3 : spread(18, y, z, 20));
    const prevalence = seriesCells("treated", "total", "all", (y, z) => [treated(y, z), treated(y, z) + spread(19, y, z, 300)]);
    const followUp = seriesCells("hba1c", "total", "all", (y, z) => [tested(y, z), treated(y, z)]);
    const ids: PublicIndicator[] = [
      { id: "treated", statistic: "proportion" },
      { id: "hba1c", statistic: "proportion" },
    ];
    // A recovered count is a leak only when it may be small: the manifest's threshold is raised
    // to 100 so that the exactly recovered denominator (about 60) counts.
    const alone = await run(followUp, [ids[1]!], protectedOld, {}, 100);
    expect(leakOf(alone, "hba1c", "denominator")).toBeUndefined();
    const r = await run([...prevalence, ...followUp], ids, protectedOld, {}, 100);
    expect(r.relations.some((x) => x.kind === "equal" && x.series.includes("treated|n|total|all") && x.series.includes("hba1c|d|total|all"))).toBe(true);
    const exact = treated(2024, "z1");
    expect(leakOf(r, "hba1c", "denominator")).toMatchObject({ min: exact, max: exact });
  });

  it("uses public reasons that reveal which hidden cells are small, and nothing when all say `suppressed`", async () => {
    const pop = (y: number, z: string) => spread(20, y, z, 400);
    // The population is public through another indicator: only the numerator can be the small count.
    const y1 = seriesCells("visits", "total", "all", (y, z) => [spread(21, y, z), pop(y, z)]);
    const x = seriesCells("rare", "total", "all", (y, z) => [z === "z1" && y === 2024 ? 2 : spread(22, y, z), pop(y, z)]);
    const ids = [rate("visits"), rate("rare")];
    const old = await run([...y1, ...x], ids, protectedOld);
    expect(leakOf(old, "rare", "numerator")).toMatchObject({ min: 1, max: 4 });
    const unknowing = await run([...y1, ...x], ids, { complementary: true, reasons: "suppressed" });
    expect(leakOf(unknowing, "rare", "numerator")).toBeUndefined();
    const blind = await run([...y1, ...x], ids, protectedOld, { primaryReasons: [] });
    expect(leakOf(blind, "rare", "numerator")).toBeUndefined();
  });
});
