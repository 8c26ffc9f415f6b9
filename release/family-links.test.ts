import { describe, expect, it } from "vitest";
import { familyLinks } from "./family-links.ts";
import type { Signatures } from "../indicators/compute/signatures.ts";

// Persons described by sex, age band, BIM status and whether they died; each definition's
// flags follow from those, as compile.ts's flags do.
const people = [
  { sex: "F", ageBand: "45-64", bim: "bim", died: 1 },
  { sex: "F", ageBand: "45-64", bim: "non-bim", died: 0 },
  { sex: "M", ageBand: "75+", bim: "non-bim", died: 1 },
  { sex: "M", ageBand: "75+", bim: "bim", died: 0 },
  { sex: "M", ageBand: "18-44", bim: "unknown", died: 1 },
  { sex: "F", ageBand: "75+", bim: "bim", died: 1 },
  { sex: "M", ageBand: "65-74", bim: "non-bim", died: 0 },
];
const young = (p: (typeof people)[number]) => p.ageBand !== "75+";
const columns: [string, (p: (typeof people)[number]) => boolean][] = [
  ["d:all", () => true],
  ["n:all", (p) => p.died === 1],
  ["d:premature", young],
  ["n:premature", (p) => young(p) && p.died === 1],
  // The same deaths, written another way (a maximum age on the numerator).
  ["n:premature-crude", (p) => p.died === 1 && young(p)],
  ["n:old", (p) => !young(p) && p.died === 1],
  ["d:bim", (p) => p.bim === "bim"],
  ["n:bim", (p) => p.bim === "bim" && p.died === 1],
  ["d:never", () => false],
];

function signatures(): Signatures {
  const rows = new Map<string, Signatures["rows"][number]>();
  for (const p of people) {
    const flags = Uint8Array.from(columns, ([, f]) => (f(p) ? 1 : 0));
    const key = `${p.sex}|${p.ageBand}|${p.bim}|${flags.join("")}`;
    const row = rows.get(key);
    if (row) row.persons++;
    else rows.set(key, { sex: p.sex, ageBand: p.ageBand, bim: p.bim, flags, persons: 1 });
  }
  return { year: 2024, columns: columns.map(([c]) => c), rows: [...rows.values()] };
}

describe("links between released counts, read from the data", () => {
  const links = familyLinks(signatures());

  it("puts columns that flag the same persons in one class, whatever their syntax", () => {
    expect(links.classOf.get("n:premature-crude")).toBe("n:premature");
    expect(links.classOf.get("n:premature")).toBe("n:premature");
    expect(links.classOf.get("n:all")).toBe("n:all");
    // An empty column is linked to nothing (its cells are all published zeros).
    expect(links.classOf.get("d:never")).toBe("d:never");
  });

  it("finds restrictions to values of one breakdown", () => {
    const r = (part: string, whole: string, breakdown = "age-band") => links.restrictions.find((x) => x.part === part && x.whole === whole && x.breakdown === breakdown);
    expect(r("d:premature", "d:all")).toMatchObject({ breakdown: "age-band", values: ["18-44", "45-64", "65-74"] });
    expect(r("n:premature", "n:all")).toMatchObject({ breakdown: "age-band" });
    expect(r("d:bim", "d:all", "bim")).toMatchObject({ values: ["bim"] });
    expect(r("n:bim", "n:all", "bim")).toMatchObject({ values: ["bim"] });
    // With so few deaths, the BIM deaths are also exactly the women's: both links hold.
    expect(r("n:bim", "n:all", "sex")).toMatchObject({ values: ["F"] });
    // A subset that is not a restriction on one breakdown: deaths among everyone.
    expect(links.restrictions.filter((x) => x.part === "n:all" && x.whole === "d:all")).toEqual([]);
    // Never a link with the duplicate: it is the same family.
    expect(links.restrictions.some((x) => x.part === "n:premature-crude" || x.whole === "n:premature-crude")).toBe(false);
  });

  it("finds sums across definitions, exactly", () => {
    const sum = links.sums.find((s) => [...s.plus, ...s.minus].includes("n:old"));
    expect(sum).toBeDefined();
    const terms = (s: { plus: string[]; minus: string[] }) => ({ plus: [...s.plus].sort(), minus: [...s.minus].sort() });
    // all deaths = deaths 0–74 + deaths 75+, on one side or the other.
    const t = terms(sum!);
    expect([t, { plus: t.minus, minus: t.plus }]).toContainEqual({ plus: ["n:all"], minus: ["n:old", "n:premature"] });
    // Each identity holds on every person.
    for (const s of links.sums) {
      for (const p of people) {
        const value = (c: string) => (columns.find(([name]) => name === c)![1](p) ? 1 : 0);
        expect(s.plus.reduce((a, c) => a + value(c), 0)).toBe(s.minus.reduce((a, c) => a + value(c), 0));
      }
    }
  });
});
