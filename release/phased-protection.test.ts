import { describe, expect, it } from "vitest";
import { auditRelease, releaseOf, type SdcCell, type SdcProblem, type SdcRelation } from "../disclosure/index.ts";
import { cappedByPopulations } from "./capped-numerators.ts";
import { protectInPhases, ProtectionError, type PhasedResult } from "./phased-protection.ts";
import type { YearProblem } from "./sdc-model.ts";

// A population of 25 (groups a and b) and, per group, its numerator and latent rest
// (denominator = numerator + rest). Every population cell is ≥ 5: the first phase publishes them all.
function proportion(name: string, den: { a: number; b: number }, num: { a: number; b: number }) {
  const d = (k: string) => `${name}:den|${k}`;
  const n = (k: string) => `${name}:num|${k}`;
  const r = (k: string) => `${name}:rest|${k}`;
  const population: SdcCell[] = [
    { id: d("total"), value: den.a + den.b, publishable: true },
    { id: d("a"), value: den.a, publishable: true },
    { id: d("b"), value: den.b, publishable: true },
  ];
  const popRelations: SdcRelation[] = [{ total: d("total"), parts: [d("a"), d("b")] }];
  const numerator: SdcCell[] = [
    { id: n("total"), value: num.a + num.b, publishable: true },
    { id: n("a"), value: num.a, publishable: true },
    { id: n("b"), value: num.b, publishable: true },
    ...(["total", "a", "b"] as const).map((k) => ({ id: r(k), value: k === "total" ? den.a + den.b - num.a - num.b : den[k] - num[k], publishable: false })),
  ];
  const numRelations: SdcRelation[] = [{ total: n("total"), parts: [n("a"), n("b")] }, ...["total", "a", "b"].map((k) => ({ total: d(k), parts: [n(k), r(k)] }))];
  const denominators: YearProblem = { key: `${name}:den@2019`, problem: { cells: population, relations: popRelations }, minCount: 5 };
  const numerators: YearProblem = {
    key: `${name}:num@2019`,
    problem: { cells: [...numerator, ...population], relations: [...numRelations, ...popRelations] },
    denominatorCells: new Set(population.map((c) => c.id)),
    minCount: 5,
  };
  return { denominators, numerators };
}

async function phased(parts: { denominators: YearProblem; numerators: YearProblem }[], known = new Map<string, number>()) {
  const log: string[] = [];
  const result = await protectInPhases(
    parts.map((p) => p.denominators),
    parts.map((p) => p.numerators),
    { known, minCount: 5, protectionWidth: 5, threads: 1, log: (line) => log.push(line) },
  );
  return { result, log };
}

/** Each problem re-audited as `boussole audit` does, from the cells as that problem saw them. */
async function auditEachProblem(result: PhasedResult) {
  const releases = new Map<string, SdcProblem & { sensitive: string[] }>();
  for (const c of result.sdcCells) {
    let p = releases.get(c.problem);
    if (!p) releases.set(c.problem, (p = { cells: [], relations: [], sensitive: [] }));
    p.cells.push({ id: c.id, publishable: c.publishable, ...(c.known ? { known: true } : {}), ...(c.value !== null ? { value: c.value } : {}) } as SdcCell);
    if (c.is_primary) p.sensitive.push(c.id);
  }
  for (const r of result.sdcRelations) releases.get(r.problem)!.relations.push({ total: r.total, parts: r.parts });
  const widths: number[] = [];
  for (const release of releases.values()) {
    const a = await auditRelease(release, { minCount: 5, protectionWidth: 5 });
    expect(a.pass).toBe(true);
    widths.push(...a.cells.filter((c) => c.status !== "published" && c.status !== "known").map((c) => c.width));
  }
  return widths;
}

/** The whole year as one outside attacker sees it: every cell, the final hidden set. */
async function attackAll(parts: { numerators: YearProblem }[], result: PhasedResult) {
  const problem: SdcProblem = { cells: parts.flatMap((p) => p.numerators.problem.cells), relations: parts.flatMap((p) => p.numerators.problem.relations) };
  return auditRelease(releaseOf(problem, result.hidden.keys(), { minCount: 5, protectionWidth: 5 }), { minCount: 5, protectionWidth: 5 });
}

describe("numerator problems capped by published populations", () => {
  // Group a: a population of 5 with 2 in the numerator. Published, 5 leaves the numerator in [1, 5].
  const capped = proportion("capped", { a: 5, b: 20 }, { a: 2, b: 10 });
  // Group a: a population of 9 with 2 in the numerator: [1, 9] is wide enough.
  const fine = proportion("fine", { a: 9, b: 20 }, { a: 2, b: 10 });

  it("are foreseen from one relation whose total is a published population cell", () => {
    const asSeen = (p: YearProblem): SdcProblem => ({ relations: p.problem.relations, cells: p.problem.cells.map((c) => (p.denominatorCells!.has(c.id) ? { ...c, known: true } : c)) });
    expect(cappedByPopulations(asSeen(capped.numerators), capped.numerators.denominatorCells!, { minCount: 5, protectionWidth: 5 })).toEqual(["capped:num|a", "capped:rest|a"]);
    expect(cappedByPopulations(asSeen(fine.numerators), fine.numerators.denominatorCells!, { minCount: 5, protectionWidth: 5 })).toEqual([]);
    // With the population cell hidden by the first phase (latent here), nothing caps the numerator.
    const hiddenDen: SdcProblem = { ...capped.numerators.problem, cells: capped.numerators.problem.cells.map((c) => (c.id === "capped:den|a" ? { ...c, publishable: false } : c)) };
    expect(cappedByPopulations(hiddenDen, capped.numerators.denominatorCells!, { minCount: 5, protectionWidth: 5 })).toEqual([]);
  });

  it("are protected once, jointly with their populations, in the same run as the others; the result passes the audit", async () => {
    const { result, log } = await phased([capped, fine]);
    const protectedKeys = log.filter((l) => l.includes("problems protected")).map((l) => /\((\S+):/.exec(l)![1]!);
    expect(protectedKeys).toHaveLength(4);
    expect(protectedKeys.filter((k) => k.startsWith("capped:num"))).toEqual(["capped:num@2019|joint"]);
    expect(protectedKeys).toContain("fine:num@2019");
    expect(log.some((l) => l.includes("1 numerator problem(s) capped by published population cells (capped:num|a") && l.endsWith("protected jointly with their populations"))).toBe(true);
    expect(log.some((l) => l.includes("protected again"))).toBe(false);
    expect(result.joint).toBe(1);
    // The joint problem hid a population cell the first phase had published.
    expect(result.hidden.get("capped:num|a")).toBe("primary");
    expect([...result.hidden.keys()].some((id) => id.startsWith("capped:den|"))).toBe(true);
    expect([...result.hidden.keys()].some((id) => id.startsWith("fine:den|"))).toBe(false);
    expect(result.narrowest).toBeGreaterThanOrEqual(5);
    const widths = await auditEachProblem(result);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(5);
    const outside = await attackAll([capped, fine], result);
    expect(outside.pass).toBe(true);
    const numA = outside.cells.find((c) => c.id === "capped:num|a")!;
    expect(numA.width).toBeGreaterThanOrEqual(5);
    expect(numA.capped).toBe(false);
  });

  it("still fails the run when the cap is a fact of the previous release", async () => {
    await expect(phased([capped], new Map([["capped:den|a", 5]]))).rejects.toThrow(ProtectionError);
    await expect(phased([capped], new Map([["capped:den|a", 5]]))).rejects.toThrow(/cannot reach the protection width 5: capped:num@2019\|joint: capped:num\|a/);
  });
});

describe("a cap through a chain of relations, not foreseen", () => {
  // num = 2 and a latent rest = 4 under a published population of 6: one relation leaves
  // num in [1, 6]. But y = d3 − z is exact, so rest = d2 − y and num = den − rest are too.
  const cell = (id: string, value: number, publishable = true): SdcCell => ({ id, value, publishable });
  const population = [cell("den", 6), cell("d2", 11), cell("d3", 12), cell("z", 5)];
  const numerators: YearProblem = {
    key: "chain:num@2019",
    problem: {
      cells: [cell("num", 2), cell("rest", 4, false), cell("y", 7), ...population],
      relations: [
        { total: "den", parts: ["num", "rest"] },
        { total: "d2", parts: ["rest", "y"] },
        { total: "d3", parts: ["y", "z"] },
      ],
    },
    denominatorCells: new Set(population.map((c) => c.id)),
    minCount: 5,
  };
  const denominators: YearProblem = { key: "chain:den@2019", problem: { cells: population, relations: [] }, minCount: 5 };

  it("is not predicted, and the second pass still protects it jointly", async () => {
    const asSeen = { relations: numerators.problem.relations, cells: numerators.problem.cells.map((c) => (numerators.denominatorCells!.has(c.id) ? { ...c, known: true } : c)) };
    expect(cappedByPopulations(asSeen, numerators.denominatorCells!, { minCount: 5, protectionWidth: 5 })).toEqual([]);
    const { result, log } = await phased([{ denominators, numerators }]);
    expect(log.filter((l) => l.includes("problems protected")).map((l) => /\((\S+):/.exec(l)![1]!)).toEqual(["chain:den@2019", "chain:num@2019"]);
    expect(log.some((l) => l.includes("1 numerator problem(s) capped") && l.endsWith("protected again jointly with their populations"))).toBe(true);
    expect(result.joint).toBe(1);
    const outside = await attackAll([{ numerators }], result);
    expect(outside.pass).toBe(true);
    expect(outside.cells.find((c) => c.id === "num")!.width).toBeGreaterThanOrEqual(5);
  });
});
