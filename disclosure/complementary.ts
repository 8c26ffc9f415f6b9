// Complementary suppression, in three passes:
//
// 1. Protection LPs (protection.ts): each sensitive cell not already covered
//    (by the primary pattern, or by an earlier cell's pattern) gets the
//    cheapest set of extra hidden cells that lets it move by protectionWidth,
//    a certificate of protection. Exact disclosure (a singleton in a relation,
//    a cell recoverable by Gaussian elimination) is just a width of 0, so it
//    needs no pass of its own.
// 2. Verification by attack (verify.ts); a cell short of its width, e.g.
//    because the LP split its movement into fractions that round down, gets
//    a new protection LP asking for the shortfall more. As a last resort the
//    cheapest cell around its component is hidden until it passes; widths
//    only grow as cells are hidden, so this ends.
// 3. Pruning (prune.ts).
//
// A cell that cannot reach protectionWidth whatever we hide (ceiling.ts)
// must reach its ceiling instead.

import { ComponentAttack } from "./attack.ts";
import type { Ceiling } from "./ceiling.ts";
import { neighbourhood, protectionPattern, type Neighbourhood, type Pattern } from "./protection.ts";
import type { SuppressionState } from "./state.ts";
import { Verifier } from "./verify.ts";

/**
 * Neighbourhood depths tried in turn; the last one reaches everything. A
 * rectangle in a two-way table needs depth 3; each extra layer of relations
 * (den = num + latent) adds one.
 */
const DEPTHS = [3, 4, 5, 7, 10, Infinity];
const REPAIR_ROUNDS = 3;

/**
 * Hide what protects cell s by `target`; updates the required width if the
 * ceiling binds. Returns the widths the pattern certifies for the cells it moves.
 */
function protectCell(
  state: SuppressionState,
  s: number,
  target: number,
  ceiling: Ceiling,
  required: Map<number, number>,
  hint: DepthHint,
): Map<number, number> {
  const apply = (pattern: Pattern | null) => {
    for (const c of pattern?.hide ?? []) state.hide(c, "complementary");
    return pattern?.certified ?? new Map<number, number>();
  };
  let area: Neighbourhood | undefined;
  for (let k = hint.start(); k < DEPTHS.length; k++) {
    area = neighbourhood(state, s, DEPTHS[k]!);
    const pattern = protectionPattern(state, s, target, area);
    hint.record(k, pattern !== null);
    if (pattern) return apply(pattern);
    if (area.complete) break;
  }
  // Infeasible with everything reachable: the ceiling binds.
  const best = ceiling.width(s);
  required.set(s, Math.min(required.get(s)!, best));
  const reachable = Math.min(target, best);
  return apply(reachable > 0 ? protectionPattern(state, s, reachable, area!) : null);
}

/**
 * Which depth to try first. Cells of one problem tend to need the same depth
 * (a latent layer adds one to every cycle), and each infeasible try is a
 * wasted LP; but a depth larger than needed makes every LP several times
 * bigger. So: start at the smallest depth that has mostly succeeded lately,
 * and now and then probe from the smallest again.
 */
class DepthHint {
  private readonly success = DEPTHS.map(() => 1);
  private calls = 0;

  start(): number {
    if (++this.calls % 32 === 0) return 0;
    const k = this.success.findIndex((rate) => rate >= 0.5);
    return k < 0 ? 0 : k;
  }

  record(k: number, ok: boolean): void {
    this.success[k] = 0.7 * this.success[k]! + (ok ? 0.3 : 0);
  }
}

/** Last resort for a cell still short: hide the cheapest neighbour of its component until it passes. */
function widen(state: SuppressionState, s: number, required: number): void {
  const { structure } = state;
  for (;;) {
    const component = state.componentOf(s);
    const attack = new ComponentAttack(state.highs, structure, component, state.unpublishedMask(), state.values, (c) =>
      state.lowerBound(c),
    );
    let width: number;
    try {
      width = attack.interval(s).width;
    } finally {
      attack.dispose();
    }
    if (width >= required) return;
    const own = new Set(structure.cellRelations[s]);
    let best = -1;
    let bestKey = Infinity;
    for (const r of component.relations) {
      for (const c of structure.relations[r]!) {
        if (!state.isCandidate(c)) continue;
        // Siblings of s first, then the cheapest.
        const key = (own.has(r) ? 0 : 1e9) + state.cost[c]!;
        if (key < bestKey) [best, bestKey] = [c, key];
      }
    }
    if (best < 0) return; // nothing left to hide: the final audit will tell
    state.hide(best, "complementary");
  }
}

/**
 * Run passes 1 and 2 over the protected cells (`targets`). Returns a live
 * verifier of the final pattern, for pruning. `required` holds each target's
 * required width and is lowered where the ceiling binds.
 */
export function complementarySuppression(
  state: SuppressionState,
  targets: readonly number[],
  ceiling: Ceiling,
  required: Map<number, number>,
): Verifier {
  // Widths already certified by earlier patterns: hiding more never narrows
  // an interval, so a cell certified wide enough needs no LP of its own.
  const certified = new Map<number, number>();
  const hint = new DepthHint();
  // Many sensitive cells already cover each other: attack the primary pattern first.
  const initial = new Verifier(state, targets, required);
  for (const s of targets) certified.set(s, initial.width(s));
  initial.dispose();
  for (const s of targets) {
    if ((certified.get(s) ?? 0) >= required.get(s)!) continue;
    for (const [c, width] of protectCell(state, s, required.get(s)!, ceiling, required, hint)) {
      certified.set(c, Math.max(width, certified.get(c) ?? 0));
    }
  }

  for (let round = 0; ; round++) {
    const verifier = new Verifier(state, targets, required);
    const failing = verifier.failing();
    if (failing.length === 0) return verifier;
    const widths = failing.map((s) => verifier.width(s));
    verifier.dispose();
    failing.forEach((s, k) => {
      const need = required.get(s)!;
      if (round < REPAIR_ROUNDS) protectCell(state, s, need + (need - widths[k]!), ceiling, required, hint);
      else widen(state, s, need);
    });
    if (round > REPAIR_ROUNDS) return new Verifier(state, targets, required);
  }
}
