import { describe, expect, it } from "vitest";
import { familyRelations, type FamilyIndex } from "./family-relations.ts";

// One area, two families: W (everyone) and G = W ∧ BIM, by sex and by BIM status.
const A = "zone|S|z1";
const index = (family: string, cells: Record<string, number>): FamilyIndex =>
  new Map(Object.entries(cells).map(([k, value]) => [`${A}|${k}`, { id: `${family}|${A}|${k}`, value }]));
const W = index("W", { "total|all": 20, "sex|F": 12, "sex|M": 8, "bim|bim": 5, "bim|non-bim": 14, "bim|unknown": 1 });
const G = index("G", { "total|all": 5, "sex|F": 3, "sex|M": 2, "bim|bim": 5 });
const N = index("N", { "total|all": 15, "sex|F": 9, "sex|M": 6, "bim|non-bim": 14, "bim|unknown": 1 });

function check(r: ReturnType<typeof familyRelations>, families: Map<string, FamilyIndex>) {
  const value = new Map<string, number>();
  for (const f of families.values()) for (const c of f.values()) value.set(c.id, c.value);
  for (const c of r.cells) value.set(c.id, c.value);
  // Every equation holds on the true values, and names only cells that exist.
  for (const rel of r.relations) {
    expect(value.has(rel.total)).toBe(true);
    expect(rel.parts.reduce((s, p) => s + value.get(p)!, 0)).toBe(value.get(rel.total));
  }
  return r.relations.map((rel) => `${rel.total} = ${rel.parts.join(" + ")}`);
}

describe("equations between families from the links found in the data", () => {
  it("ties a restriction's total, its own breakdown and the other breakdowns to the whole", () => {
    const families = new Map([["W", W], ["G", G]]);
    const r = familyRelations({ restrictions: [{ part: "G", whole: "W", breakdown: "bim", values: ["bim"] }], sums: [] }, families, "link");
    const eqs = check(r, families);
    expect(eqs).toContain(`G|${A}|total|all = W|${A}|bim|bim`);
    expect(eqs).toContain(`W|${A}|bim|bim = G|${A}|bim|bim`);
    // Women: the BIM women plus a latent rest (the non-BIM and unknown women).
    const women = eqs.find((e) => e.startsWith(`W|${A}|sex|F = G|${A}|sex|F + `));
    expect(women).toBeDefined();
    // The rests by sex add up to the whole's cells outside BIM.
    expect(eqs.some((e) => e.endsWith(`= W|${A}|bim|non-bim + W|${A}|bim|unknown`))).toBe(true);
    expect(r.cells.every((c) => !c.publishable)).toBe(true);
  });

  it("writes a sum over parts as an exact equation, with no rest when the parts cover everything", () => {
    const families = new Map([["W", W], ["G", G], ["N", N]]);
    const r = familyRelations({ restrictions: [], sums: [{ plus: ["W"], minus: ["G", "N"] }] }, families, "link");
    const eqs = check(r, families);
    expect(eqs).toContain(`W|${A}|sex|F = G|${A}|sex|F + N|${A}|sex|F`);
    expect(eqs).toContain(`W|${A}|total|all = G|${A}|total|all + N|${A}|total|all`);
    // A cell one family lacks (G by non-BIM) gives no equation.
    expect(eqs.some((e) => e.includes("bim|non-bim") && e.includes("G|"))).toBe(false);
  });

  it("refuses a link the cells contradict", () => {
    const wrong = index("G", { "total|all": 5, "sex|F": 13, "sex|M": 2, "bim|bim": 5 });
    const families = new Map([["W", W], ["G", wrong]]);
    expect(() => familyRelations({ restrictions: [{ part: "G", whole: "W", breakdown: "bim", values: ["bim"] }], sums: [] }, families, "link")).toThrow(/does not hold/);
  });
});
