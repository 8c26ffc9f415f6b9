// Complementary suppression, in three passes:
//
// 1. Protection LPs (protection.ts): each sensitive cell not already covered
//    gets the cheapest set of extra hidden cells that lets it move by
//    protectionWidth, a certificate of protection. "Covered" is checked
//    cheaply first: by the feasible points found so far (reach.ts: the
//    attack of the primary pattern, earlier perturbed tables), then by an
//    attack on the pattern as it stands (probe.ts), since earlier patterns
//    often protect later cells. Exact disclosure (a singleton in a relation,
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
import { neighbourhood, protectionPattern } from "./protection.ts";
import { Probe } from "./probe.ts";
import { Reach } from "./reach.ts";
import type { SuppressionState } from "./state.ts";
import { Verifier } from "./verify.ts";

/**
 * Neighbourhood depths tried in turn; the last one reaches everything. A
 * rectangle in a two-way table needs depth 3 and each extra layer of relations
 * (den = num + latent) adds one, but starting at 7 costs less overall: fewer
 * LPs fail, and a wider LP finds cheaper cycles through cells already hidden
 * (on the demo's six years, 15 % fewer simplex iterations than from depth 3).
 */
const DEPTHS = [7, 10, Infinity];
const REPAIR_ROUNDS = 3;

/**
 * Hide what protects cell s by `target`; lowers the required width (and the
 * target) if the ceiling binds. The pattern's perturbed tables go to `reach`.
 */
function protectCell(state: SuppressionState, s: number, target: number, ceiling: Ceiling, required: Map<number, number>, hint: DepthHint, reach: Reach): void {
  let ceilingChecked = false;
  const { first, usual } = hint.start();
  for (let k = first; k < DEPTHS.length; k++) {
    const area = neighbourhood(state, s, DEPTHS[k]!);
    let pattern = protectionPattern(state, s, target, area);
    if (pattern && !area.complete && pattern.hide.some((c) => state.prominent[c] === 1)) {
      // The pattern would hide a headline cell (SdcCell.prominent): search one depth wider. The
      // nearest cycle often climbs the hierarchy to the country's total, while one through cells
      // already hidden further away spares it; the wider optimum never costs more.
      pattern = protectionPattern(state, s, target, neighbourhood(state, s, DEPTHS[k + 1]!)) ?? pattern;
    }
    if (pattern) {
      hint.record(k, true);
      for (const c of pattern.hide) state.hide(c, "complementary");
      reach.add(pattern.raised);
      reach.add(pattern.lowered);
      return;
    }
    if (!ceilingChecked && k >= usual) {
      // A first failure may mean that no pattern at all reaches the target:
      // ask the ceiling once, rather than climbing every depth in vain.
      ceilingChecked = true;
      const best = ceiling.width(s);
      required.set(s, Math.min(required.get(s)!, best));
      if (best < target) {
        target = best;
        if (target <= 0) return;
        k--; // the same depth again, for what can be reached
        continue;
      }
    }
    hint.record(k, false);
    if (area.complete) return; // left to the verification rounds
  }
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

  /** The depth to try first (now and then the smallest, to notice when it works again), and the usual one. */
  start(): { first: number; usual: number } {
    const k = Math.max(
      0,
      this.success.findIndex((rate) => rate >= 0.5),
    );
    return { first: ++this.calls % 32 === 0 ? 0 : k, usual: k };
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
    const attack = new ComponentAttack(state.highs, structure, component, state.unpublishedMask(), state.values, (c) => state.lowerBound(c));
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
export function complementarySuppression(state: SuppressionState, targets: readonly number[], ceiling: Ceiling, required: Map<number, number>): Verifier {
  // Widths proven by the feasible points found so far (the attack of the
  // primary pattern, probes, perturbed tables): hiding more never narrows an
  // interval, so a cell proven wide enough needs no LP of its own.
  const isTarget = new Set(targets);
  const reach = new Reach(state.structure.ids.length, (c) => isTarget.has(c));
  const hint = new DepthHint();
  // Many sensitive cells already cover each other: attack the primary pattern first.
  new Verifier(state, targets, required, reach).dispose();
  const probe = new Probe(state, reach);
  try {
    for (const s of targets) {
      const need = required.get(s)!;
      // Earlier patterns often protect later cells: check by attack before paying for a protection LP.
      if (reach.width(s) >= need || probe.covers(s, need)) continue;
      protectCell(state, s, need, ceiling, required, hint, reach);
    }
  } finally {
    probe.dispose();
  }

  for (let round = 0; ; round++) {
    const verifier = new Verifier(state, targets, required, reach);
    const failing = verifier.failing();
    if (failing.length === 0) return verifier;
    const widths = failing.map((s) => verifier.width(s));
    verifier.dispose();
    failing.forEach((s, k) => {
      const need = required.get(s)!;
      if (round < REPAIR_ROUNDS) protectCell(state, s, need + (need - widths[k]!), ceiling, required, hint, reach);
      else widen(state, s, need);
    });
    if (round > REPAIR_ROUNDS) return new Verifier(state, targets, required);
  }
}
