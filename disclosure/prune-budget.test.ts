// The pruning budget (SdcOptions.pruneBudget): a finite budget stops the pruning pass early,
// deterministically, and what it leaves hidden is still protected (protect audits it).

import { describe, expect, it } from "vitest";
import { protect } from "./index.ts";
import { gridProblem } from "./test-support/problems.ts";

// A 4×5 table where the full pruning pass publishes two complementary cells again.
const problem = gridProblem([
  [27, 29, 2, 4, 23],
  [1, 14, 24, 4, 9],
  [1, 3, 17, 2, 13],
  [1, 2, 9, 3, 3],
]);

describe("pruneBudget", () => {
  it("prunes every redundant cell by default, none with a budget of 0, and both pass the audit", async () => {
    const full = await protect(problem);
    const none = await protect(problem, { pruneBudget: 0 });
    expect(full.stats.pruned).toBeGreaterThan(0);
    expect(none.stats.pruned).toBe(0);
    expect(none.stats.complementary).toBe(full.stats.complementary + full.stats.pruned);
    for (const r of [full, none]) {
      expect(r.audit.pass).toBe(true);
      expect(r.audit.narrowest!.width).toBeGreaterThanOrEqual(5);
    }
  });

  it("gives the same pattern on every run (a budget in LP solves, not in seconds)", async () => {
    const a = await protect(problem, { pruneBudget: 0.5 });
    const b = await protect(problem, { pruneBudget: 0.5 });
    expect([...a.hidden]).toEqual([...b.hidden]);
  });

  it("refuses a negative budget", async () => {
    await expect(protect(problem, { pruneBudget: -1 })).rejects.toThrow(/pruneBudget/);
  });
});
