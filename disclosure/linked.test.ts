// Links between indicators that per-definition protection cannot see, each
// shown leaking under the old way (every definition protected alone, then the
// union attacked) and holding under one model over inner cells.

import { describe, expect, it } from "vitest";
import { attackLinked, type LinkedTable } from "./linked.ts";
import { protectLinked } from "./linked-protect.ts";
import { inner, over, protectEachAlone, zoneTable } from "./test-support/linked.ts";
import { gaussSuppression } from "./gauss-suppression.ts";

const ZONES = ["Z1", "Z2", "Z3", "Z4"];
const ALL = { all: {} };

async function oldAndNew(table: LinkedTable, problems: Parameters<typeof protectEachAlone>[1], leaked: string) {
  const old = await protectEachAlone(table, problems);
  const before = await attackLinked(table, old);
  const now = await protectLinked(table);
  const after = await attackLinked(table, new Set(now.hidden.keys()));
  return { before, after, now, leaked: before.failing.find((f) => f.id === leaked) };
}

describe("links found from inner cells", () => {
  it("sums across indicators: all-cause deaths = deaths 0–74 + deaths 75+", async () => {
    const deaths = [
      [2, 10],
      [20, 9],
      [6, 12],
      [8, 11],
    ];
    const space = inner({ zone: ZONES, age: ["0-74", "75+"] }, (k) => deaths[ZONES.indexOf(k.zone)]![k.age === "0-74" ? 0 : 1]!);
    const young = zoneTable(space, "premature", { age: "0-74" }, ZONES, ALL);
    const old = zoneTable(space, "deaths-75", { age: "75+" }, ZONES, ALL);
    const all = zoneTable(space, "deaths", {}, ZONES, ALL);
    const table = { inner: space.values, cells: [...young.cells, ...old.cells, ...all.cells] };
    const r = await oldAndNew(table, [young, old, all], "premature|Z1|all");
    // Old: premature Z1 hidden, but deaths Z1 − deaths-75 Z1 = 12 − 10 = 2.
    expect(r.leaked).toMatchObject({ min: 2, max: 2 });
    expect(r.after.failing).toEqual([]);
    expect(r.after.narrowest).toBeGreaterThanOrEqual(5);
  });

  it("the same deaths counted by two definitions with different hierarchies", async () => {
    const young = [2, 20, 6, 8];
    const space = inner({ zone: ZONES }, (k) => young[ZONES.indexOf(k.zone)]!);
    const a = zoneTable(space, "premature", {}, ZONES, ALL);
    // The crude variant also publishes two regions: R1 = Z1 + Z2.
    const b = zoneTable(space, "crude", {}, ZONES, ALL);
    b.cells.push(over(space, "crude|R1|all", { zone: ["Z1", "Z2"] }), over(space, "crude|R2|all", { zone: ["Z3", "Z4"] }));
    b.relations.push(
      { total: "crude|R1|all", parts: ["crude|Z1|all", "crude|Z2|all"] },
      { total: "crude|R2|all", parts: ["crude|Z3|all", "crude|Z4|all"] },
      { total: "crude|BE|all", parts: ["crude|R1|all", "crude|R2|all"] },
    );
    const table = { inner: space.values, cells: [...a.cells, ...b.cells] };
    const r = await oldAndNew(table, [a, b], "premature|Z1|all");
    // Old: each table alone is safe; together, a published premature Z2 and crude R1 give Z1.
    expect(r.leaked?.width).toBeLessThan(5);
    expect(r.after.failing).toEqual([]);
  });

  it("sex strata of the BIM and non-BIM indicators add up to the base indicator's strata", async () => {
    const space = inner({ zone: ZONES, sex: ["F", "M"], bim: ["bim", "non"] }, (k) =>
      k.bim === "bim" ? (k.zone === "Z1" && k.sex === "F" ? 3 : 20 + ZONES.indexOf(k.zone)) : 50 + ZONES.indexOf(k.zone) * 7 + (k.sex === "F" ? 3 : 0),
    );
    const SEX = { all: {}, F: { sex: "F" }, M: { sex: "M" } };
    const base = zoneTable(space, "gmd", {}, ZONES, SEX);
    const bim = zoneTable(space, "gmd-bim", { bim: "bim" }, ZONES, SEX);
    const non = zoneTable(space, "gmd-non-bim", { bim: "non" }, ZONES, SEX);
    const table = { inner: space.values, cells: [...base.cells, ...bim.cells, ...non.cells] };
    const r = await oldAndNew(table, [base, bim, non], "gmd-bim|Z1|F");
    expect(r.leaked).toMatchObject({ min: 3, max: 3 });
    expect(r.after.failing).toEqual([]);
  });

  it("one indicator's numerator is another's denominator (treated diabetics → HbA1c follow-up)", async () => {
    // Per zone: not treated, treated and followed up, treated and not followed up.
    const counts: Record<string, number[]> = { Z1: [100, 3, 2], Z2: [100, 20, 10], Z3: [100, 25, 9], Z4: [100, 30, 12] };
    const space = inner({ zone: ZONES, d: ["none", "followed", "missed"] }, (k) => counts[k.zone]![["none", "followed", "missed"].indexOf(k.d)]!);
    const treatedNum = zoneTable(space, "treated:num", { d: ["followed", "missed"] }, ZONES, ALL);
    const treatedDen = zoneTable(space, "treated:den", {}, ZONES, ALL);
    const followNum = zoneTable(space, "hba1c:num", { d: "followed" }, ZONES, ALL);
    const followDen = zoneTable(space, "hba1c:den", { d: ["followed", "missed"] }, ZONES, ALL);
    const rest = zoneTable(space, "hba1c:rest", { d: "missed" }, ZONES, ALL);
    for (const c of rest.cells) c.publishable = false; // den − num: protected, never published
    const hba1c = {
      cells: [...followNum.cells, ...followDen.cells, ...rest.cells],
      relations: [
        ...followNum.relations,
        ...followDen.relations,
        ...rest.relations,
        ...[...ZONES, "BE"].map((a) => ({ total: `hba1c:den|${a}|all`, parts: [`hba1c:num|${a}|all`, `hba1c:rest|${a}|all`] })),
      ],
    };
    const treated = { cells: [...treatedNum.cells, ...treatedDen.cells], relations: [...treatedNum.relations, ...treatedDen.relations] };
    const table = { inner: space.values, cells: [...treated.cells, ...hba1c.cells] };
    const r = await oldAndNew(table, [treated, hba1c], "hba1c:rest|Z1|all");
    // Old: the follow-up hides its denominator of Z1, but it is the treated count, published (5).
    expect(r.leaked).toMatchObject({ min: 0, max: 4 });
    expect(r.after.failing).toEqual([]);
    // The treated count of Z1 is the follow-up's denominator: one column, one decision.
    expect(r.now.hidden.has("treated:num|Z1|all")).toBe(r.now.hidden.has("hba1c:den|Z1|all"));
  });
});

describe("gaussSuppression", () => {
  it("hides a sibling so that a primary is not the total minus the published rest", () => {
    // Columns over inner cells 0..2: total {0,1,2}, parts {0}, {1}, {2}; part 0 primary.
    const r = gaussSuppression({ columns: [[0, 1, 2], [0], [1], [2]], primary: [1], protect: [], candidates: [0, 3, 2] });
    expect(r.secondary).toEqual([2]);
  });

  it("sees the same column under two names", () => {
    // Cell 1 and cell 2 count the same inner cell: publishing either discloses the primary 0.
    const r = gaussSuppression({ columns: [[0], [0], [0]], primary: [0], protect: [], candidates: [1, 2] });
    expect(r.secondary).toEqual([1, 2]);
  });

  it("never suppresses a forced cell, and reports what it exposes", () => {
    const r = gaussSuppression({ columns: [[0], [0]], primary: [0], protect: [], candidates: [1], forced: new Set([1]) });
    expect(r).toEqual({ secondary: [], exposed: [0] });
  });
});

describe("no exception to the width", () => {
  it("fails rather than publish a count it cannot protect", async () => {
    // One zone only: Belgium = Z1 = 3, nothing else to hide it behind but the total itself,
    // and the total's twin published under another name.
    const space = inner({ zone: ["Z1"] }, () => 3);
    const table = { inner: space.values, cells: [{ ...over(space, "a|Z1", {}), known: true }, over(space, "b|Z1", {})] };
    await expect(protectLinked(table)).rejects.toThrow(/already public/);
  });
});
