// Pruning: no complementary cell stays hidden if the pattern passes without
// it. Cells are tried most costly first, so expensive totals are the first
// to come back. One pass suffices for the result to be minimal (no single
// complementary cell can be published): widths only shrink as cells are
// published, so a cell that was needed when tried is still needed after
// later cells were published.

import { solveCounter } from "./lp.ts";
import type { SuppressionState } from "./state.ts";
import type { Verifier } from "./verify.ts";

/**
 * Returns the number of complementary cells published again. `maxSolves` (default: no limit)
 * stops the pass once it has solved that many LPs: the cells not yet tried stay hidden, which
 * is safe (hiding more never narrows an interval), and the costliest came first.
 */
export function prune(state: SuppressionState, verifier: Verifier, maxSolves = Infinity): number {
  const start = solveCounter.count;
  const order = [...state.kind]
    .filter(([cell, kind]) => kind === "complementary" && !state.pinned.has(cell))
    .map(([cell]) => cell)
    .sort((a, b) => state.cost[b]! - state.cost[a]! || a - b);
  let published = 0;
  for (const cell of order) {
    if (solveCounter.count - start >= maxSolves) break;
    if (verifier.tryPublish(cell)) {
      state.publish(cell);
      published++;
    }
  }
  return published;
}
