// A previous release's pattern (SdcProblem.previous): a problem it published with the same
// values is audited with that pattern first and keeps it when it passes, with no LP of its own;
// otherwise the problem is protected as usual.

import { describe, expect, it } from "vitest";
import { protect, type SdcProblem } from "./index.ts";
import { gridProblem } from "./test-support/problems.ts";

const problem = gridProblem([
  [27, 29, 2, 4, 23],
  [1, 14, 24, 4, 9],
  [1, 3, 17, 2, 13],
  [1, 2, 9, 3, 3],
]);

/** The problem as the next release sees it: what `first` published is known, what it hid is its pattern. */
function nextRelease(first: Awaited<ReturnType<typeof protect>>): SdcProblem {
  return {
    ...problem,
    cells: problem.cells.map((c) => (c.publishable && !first.hidden.has(c.id) ? { ...c, known: true } : c)),
    previous: [...first.hidden.keys()],
  };
}

describe("a previous release's pattern", () => {
  it("is kept as it was when it passes the audit, with the audit's LPs only", async () => {
    const first = await protect(problem);
    const again = await protect(nextRelease(first));
    expect(again.stats.settled).toBe(true);
    expect([...again.hidden]).toEqual([...first.hidden]);
    expect(again.audit.pass).toBe(true);
    expect(again.audit.narrowest!.width).toBeGreaterThanOrEqual(5);
    expect(again.stats.lpSolves).toBe(again.audit.counts.lpSolves);
    // Protected from scratch with the same facts, the problem solves more LPs for the same cells.
    const scratch = await protect({ ...nextRelease(first), previous: undefined });
    expect(scratch.stats.settled).toBe(false);
    expect(scratch.stats.lpSolves).toBeGreaterThan(again.stats.lpSolves);
  });

  it("is not used when it leaves a publishable cell undecided (a cell the previous release did not have)", async () => {
    const first = await protect(problem);
    const next = nextRelease(first);
    const undecided = [...first.hidden.keys()].find((id) => first.hidden.get(id) === "complementary")!;
    const r = await protect({ ...next, previous: next.previous!.filter((id) => id !== undecided) });
    expect(r.stats.settled).toBe(false);
    expect(r.audit.pass).toBe(true);
  });

  it("falls back to the usual protection when it fails the audit, and reports what no pattern can protect", async () => {
    // The total of a row is a fact, and its two small parts can only be [1, 5] wide: 4 < 5.
    const capped: SdcProblem = {
      cells: [
        { id: "t", value: 6, publishable: true, known: true },
        { id: "a", value: 2, publishable: true },
        { id: "b", value: 4, publishable: true },
      ],
      relations: [{ total: "t", parts: ["a", "b"] }],
      previous: ["a", "b"],
    };
    const r = await protect(capped);
    expect(r.stats.settled).toBe(false);
    expect(r.unprotectable.sort()).toEqual(["a", "b"]);
    const without = await protect({ ...capped, previous: undefined });
    expect([...r.hidden]).toEqual([...without.hidden]);
    expect(r.unprotectable.sort()).toEqual(without.unprotectable.sort());
  });
});
