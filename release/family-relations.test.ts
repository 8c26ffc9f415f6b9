import { describe, expect, it } from "vitest";
import { familyRelations, type FamilyIndex } from "./family-relations.ts";

// One area, two families: W (everyone) and G = W ∧ BIM, by sex and by BIM status.
const A = "zone|S|z1";
const index = (family: string, cells: Record<string, number>): FamilyIndex => new Map(Object.entries(cells).map(([k, value]) => [`${A}|${k}`, { id: `${family}|${A}|${k}`, value }]));
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
    const families = new Map([
      ["W", W],
      ["G", G],
    ]);
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
    const families = new Map([
      ["W", W],
      ["G", G],
      ["N", N],
    ]);
    const r = familyRelations({ restrictions: [], sums: [{ plus: ["W"], minus: ["G", "N"] }] }, families, "link");
    const eqs = check(r, families);
    expect(eqs).toContain(`W|${A}|sex|F = G|${A}|sex|F + N|${A}|sex|F`);
    expect(eqs).toContain(`W|${A}|total|all = G|${A}|total|all + N|${A}|total|all`);
    // A cell one family lacks (G by non-BIM) gives no equation.
    expect(eqs.some((e) => e.includes("bim|non-bim") && e.includes("G|"))).toBe(false);
  });

  it("refuses a link the cells contradict", () => {
    const wrong = index("G", { "total|all": 5, "sex|F": 13, "sex|M": 2, "bim|bim": 5 });
    const families = new Map([
      ["W", W],
      ["G", wrong],
    ]);
    expect(() => familyRelations({ restrictions: [{ part: "G", whole: "W", breakdown: "bim", values: ["bim"] }], sums: [] }, families, "link")).toThrow(/does not hold/);
  });
});

describe("restrictions by age when a family has its own bands", () => {
  // W: everyone, with the default bands and (the same persons counted by another definition)
  // bands 0–11, 12–17, 18–64, 65+. G = W ∧ age 65+ (read on the default bands: 65-74, 75+),
  // with its own bands 65–74, 75–84, 85+.
  const W2 = index("W", {
    "total|all": 30,
    "age-band|0-17": 6,
    "age-band|18-44": 9,
    "age-band|45-64": 8,
    "age-band|65-74": 4,
    "age-band|75+": 3,
    "age-band|0-11": 4,
    "age-band|12-17": 2,
    "age-band|18-64": 17,
    "age-band|65+": 7,
    "sex|F": 16,
    "sex|M": 14,
  });
  const G2 = index("G", { "total|all": 7, "age-band|65-74": 4, "age-band|75-84": 2, "age-band|85+": 1, "sex|F": 4, "sex|M": 3 });
  // O: the same persons as W, with only bands of its own (no default band at all).
  const O = index("O", { "total|all": 30, "age-band|0-11": 4, "age-band|12-17": 2, "age-band|18-64": 17, "age-band|65+": 7 });

  it("ties the bands of the same label inside the restriction's ages, and no other", () => {
    const families = new Map([
      ["W", W2],
      ["G", G2],
    ]);
    const eqs = check(familyRelations({ restrictions: [{ part: "G", whole: "W", breakdown: "age-band", values: ["65-74", "75+"] }], sums: [] }, families, "link"), families);
    expect(eqs).toContain(`G|${A}|total|all = W|${A}|age-band|65-74 + W|${A}|age-band|75+`);
    expect(eqs).toContain(`W|${A}|age-band|65-74 = G|${A}|age-band|65-74`);
    expect(eqs.some((e) => e.includes("75-84") || e.includes("85+"))).toBe(false);
    // Sex: W's women = G's women + the women under 65 (latent), with every equation true.
    expect(eqs.some((e) => e.startsWith(`W|${A}|sex|F = G|${A}|sex|F + `))).toBe(true);
  });

  it("sums the whole's own bands for the part's total when it has no default band", () => {
    const families = new Map([
      ["O", O],
      ["G", G2],
    ]);
    const eqs = check(familyRelations({ restrictions: [{ part: "G", whole: "O", breakdown: "age-band", values: ["65-74", "75+"] }], sums: [] }, families, "link"), families);
    expect(eqs).toContain(`G|${A}|total|all = O|${A}|age-band|65+`);
  });

  it("adds the rests by age over one set of bands only", () => {
    // B = W ∧ BIM, with the same two sets of bands as W: no sum of rests over both sets.
    const B = index("B", {
      "total|all": 10,
      "bim|bim": 10,
      "age-band|0-17": 2,
      "age-band|18-44": 3,
      "age-band|45-64": 3,
      "age-band|65-74": 1,
      "age-band|75+": 1,
      "age-band|0-11": 1,
      "age-band|12-17": 1,
      "age-band|18-64": 6,
      "age-band|65+": 2,
    });
    const Wb = new Map([...W2, [`${A}|bim|bim`, { id: `W|${A}|bim|bim`, value: 10 }], [`${A}|bim|non-bim`, { id: `W|${A}|bim|non-bim`, value: 20 }]]);
    const families = new Map([
      ["W", Wb],
      ["B", B],
    ]);
    const eqs = check(familyRelations({ restrictions: [{ part: "B", whole: "W", breakdown: "bim", values: ["bim"] }], sums: [] }, families, "link"), families);
    expect(eqs.filter((e) => e.startsWith(`W|${A}|age-band|`)).length).toBe(9);
    expect(eqs.some((e) => e.includes("by-age-band"))).toBe(false);
  });
});
