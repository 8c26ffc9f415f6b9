// SdcCell.prominent: a headline figure is hidden only if a wider search cannot go round it.
//
// The protection LP of a small count is solved in a neighbourhood of relations around it
// (complementary.ts, from depth 7). Here the small count s can be protected two ways:
//   - through the headline total P (P = s + x): hide P and w (Z = P + w), two cells, cost ≈ 10.5;
//   - through x (P = s + x) and a chain of latent cells x = L1 + m1, L1 = L2 + m2, …, L6 = L7 + m7
//     (every m a published zero, which is never hidden) that ends in a free cell: one cell,
//     cost ≈ 5.6, but the chain ends beyond depth 7.
// Around s, only the first way is seen; a wider search finds the second.

import { describe, expect, it } from "vitest";
import { protect, type SdcCell, type SdcProblem, type SdcRelation } from "./index.ts";

function problem({ prominent }: { prominent: boolean }): SdcProblem {
  const cells: SdcCell[] = [
    { id: "s", value: 1, publishable: true },
    { id: "x", value: 99, publishable: true },
    { id: "P", value: 100, publishable: true, ...(prominent ? { prominent: true } : {}) },
    { id: "w", value: 50, publishable: true },
    { id: "Z", value: 150, publishable: true },
  ];
  const relations: SdcRelation[] = [
    { total: "P", parts: ["s", "x"] },
    { total: "Z", parts: ["P", "w"] },
  ];
  let above = "x";
  for (let k = 1; k <= 7; k++) {
    cells.push({ id: `L${k}`, value: 99, publishable: false }, { id: `m${k}`, value: 0, publishable: true });
    relations.push({ total: above, parts: [`L${k}`, `m${k}`] });
    above = `L${k}`;
  }
  return { cells, relations };
}

const complementary = (hidden: Map<string, string>) =>
  [...hidden]
    .filter(([, kind]) => kind === "complementary")
    .map(([id]) => id)
    .sort();

describe("prominent cells (headline figures)", () => {
  it("without the flag, the nearest pattern hides the headline total", async () => {
    const plain = await protect(problem({ prominent: false }));
    expect(plain.audit.pass).toBe(true);
    expect(plain.hidden.get("s")).toBe("primary");
    expect(complementary(plain.hidden)).toEqual(["P", "w"]);
  });

  it("with it, the wider search spares the headline total with a cheaper pattern", async () => {
    const flagged = await protect(problem({ prominent: true }));
    expect(flagged.audit.pass).toBe(true);
    expect(flagged.hidden.get("s")).toBe("primary");
    expect(complementary(flagged.hidden)).toEqual(["x"]);
    const s = flagged.audit.cells.find((c) => c.id === "s")!;
    expect(s.width).toBeGreaterThanOrEqual(5);
  });

  it("is a preference, not a promise: a headline cell that alone protects is still hidden", async () => {
    // A chain too short to end in a free cell: x cannot move, only P and w can.
    const short = problem({ prominent: true });
    short.relations.push({ total: "L7", parts: ["m8", "n8"] });
    short.cells.push({ id: "m8", value: 0, publishable: true }, { id: "n8", value: 99, publishable: true, known: true });
    const result = await protect(short);
    expect(result.audit.pass).toBe(true);
    expect(complementary(result.hidden)).toEqual(["P", "w"]);
  });
});
