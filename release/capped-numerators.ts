/**
 * Which small counts of a numerator problem the published population cells cap below the
 * protection width, told before protecting it (phased-protection.ts): one relation at a time.
 *
 * In a relation total = Σ parts whose total is a fact (known, or a published zero), every hidden
 * part x lies in [lb(x), T − Σ others], each other part counted at its value if it is a fact, else
 * at its lower bound (1 for a hidden publishable cell, zeros being published; 0 for a latent one).
 * So x's width is at most T − S, S the sum over all parts of those values and bounds. A total
 * whose parts are all facts is exact. These bounds hold whatever is hidden, so a cell found here
 * is capped (disclosure/ceiling.ts would find it too): predicting is never wrong that way. Caps
 * through longer chains of relations are not found; the caller's second pass catches those.
 *
 * Only caps that a population cell takes part in are reported: only those can be lifted by
 * protecting the problem jointly with its populations.
 */
import type { SdcCell, SdcProblem } from "../disclosure/index.ts";

export interface CapOptions {
  minCount: number;
  protectionWidth: number;
}

/** Ids of the small counts capped below the width, with zeros published. */
export function cappedByPopulations(problem: SdcProblem, populationCells: ReadonlySet<string>, o: CapOptions): string[] {
  const cells = new Map(problem.cells.map((c) => [c.id, c]));
  const fact = (c: SdcCell) => c.known === true || (c.publishable && c.value === 0);
  const sensitive = (c: SdcCell) => !c.known && c.value >= 1 && c.value < o.minCount;
  const floor = (c: SdcCell) => (fact(c) ? c.value : c.publishable ? 1 : 0);
  const capped = new Set<string>();
  for (const r of problem.relations) {
    const total = cells.get(r.total);
    const parts = r.parts.map((id) => cells.get(id));
    if (!total || parts.some((p) => p === undefined)) continue;
    const known = parts.filter((p) => fact(p!));
    const byPopulation = populationCells.has(total.id) || known.some((p) => populationCells.has(p!.id));
    if (!byPopulation) continue;
    // A total of facts only is exact.
    if (sensitive(total) && known.length === parts.length) capped.add(total.id);
    if (!fact(total)) continue;
    const slack = total.value - parts.reduce((s, p) => s + floor(p!), 0);
    if (slack >= o.protectionWidth) continue;
    for (const p of parts) if (!fact(p!) && sensitive(p!)) capped.add(p!.id);
  }
  return [...capped].sort();
}
