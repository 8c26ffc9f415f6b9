// The attack on the current pattern, kept alive between changes: one LP per
// component, and for every protected cell two feasible points that prove its
// width (witnesses.ts). Points are shared: a cell whose width the points
// already found prove needs no LP of its own. Publishing a hidden cell c
// with value v only restricts its own component, and only the points with
// x_c = v stay feasible as they are: a protected cell whose witnesses both
// have it keeps its width; the others are certified from the points, moved
// onto x_c = v where needed (witnesses.ts), and only what they cannot
// certify is solved. Before any LP, singleton elimination
// is replayed from the published cell: most cells that must stay hidden fail
// there, at no cost. This is what makes the pruning pass affordable.
//
// Widths are proven lower bounds: exact for a cell that had to be solved
// (and so for every failing cell), possibly less than the true width for a
// cell certified by points. The final audit computes exact intervals anyway.

import { ComponentAttack, roundedWidth } from "./attack.ts";
import { findComponents, type Component } from "./components.ts";
import { eliminateSingletons } from "./singletons.ts";
import type { Reach } from "./reach.ts";
import type { SuppressionState } from "./state.ts";
import { bulkPoints } from "./bulk-points.ts";
import { POINT_TOLERANCE, pointsOnto, sparsestFirst, sufficientSpread, widen, type Spread } from "./witnesses.ts";

/** Ascending order that copes with Infinity − Infinity. */
const compare = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);

interface Status {
  width: number;
  /** Witness points (by component column); high is null when the maximum is unbounded. */
  low: Float64Array;
  high: Float64Array | null;
}

/** When publishing a cell, this many of the likeliest failures are solved one by one before bulk points. */
const FAIL_FIRST = 2;
/** Cells closest to a published cell are the likeliest to lose their width; beyond this, order by slack alone. */
const DISTANCE_LIMIT = 4;

const statusOf = (spread: Spread): Status => ({ width: spread.width, low: spread.low, high: spread.high });

export class Verifier {
  private readonly attacks: ComponentAttack[] = [];
  private readonly attackOf = new Map<number, ComponentAttack>();
  private readonly targetsOf = new Map<ComponentAttack, number[]>();
  /** Feasible points of each component: the true table and LP solutions still relevant. */
  private readonly points = new Map<ComponentAttack, Float64Array[]>();
  private readonly status = new Map<number, Status>();
  private readonly isTarget: Set<number>;
  /** Cells still unknown to the attacker after singleton elimination, and unknowns left per relation. */
  private readonly unknown: Uint8Array;
  private readonly open: Int32Array;

  constructor(
    private readonly state: SuppressionState,
    targets: readonly number[],
    private readonly required: ReadonlyMap<number, number>,
    /** Points found while hiding: they seed the witnesses, and new solves go back to it. */
    reach?: Reach,
  ) {
    const isTarget = new Set(targets);
    this.isTarget = isTarget;
    const { structure, values } = state;
    // Cells given away by singleton chains have width 0 and need no LP.
    const { unknown } = eliminateSingletons(structure, state.unpublishedMask(), values);
    this.unknown = Uint8Array.from(unknown);
    this.open = Int32Array.from(structure.relations, (row) => row.reduce((k, cell) => k + unknown[cell]!, 0));
    for (const t of targets) if (!unknown[t]) this.status.set(t, { width: 0, low: new Float64Array(), high: null });
    for (const component of findComponents(structure, unknown)) {
      const own = component.cells.filter((c) => isTarget.has(c));
      if (own.length > 0) this.attackComponent(component, own, unknown, reach);
    }
  }

  /** Prove or solve the width of every protected cell of a component: seeded points, bulk points, then one by one. */
  private attackComponent(component: Component, own: number[], unknown: Uint8Array, reach: Reach | undefined): void {
    const { structure, values } = this.state;
    const attack = new ComponentAttack(this.state.highs, structure, component, unknown, values, (c) => this.state.lowerBound(c), { devex: true });
    this.attacks.push(attack);
    this.targetsOf.set(attack, own);
    for (const c of component.cells) this.attackOf.set(c, attack);
    const truth = Float64Array.from(component.cells, (c) => values[c]!);
    const points = sparsestFirst([truth, ...(reach?.witnesses(own, component.cells, values) ?? [])]);
    this.points.set(attack, points);
    const spreads = new Map(own.map((t) => [t, sufficientSpread(points, attack.column(t), this.required.get(t)!)]));
    const proven = (t: number) => spreads.get(t)!.width >= this.required.get(t)!;
    const widenAll = (extra: Float64Array[]) => {
      for (const [u, spread] of spreads) {
        if (!proven(u))
          spreads.set(
            u,
            extra.reduce((acc, p) => widen(acc, p, attack.column(u)), spread),
          );
      }
      points.push(...extra);
      for (const p of extra) reach?.addDense(component.cells, p, values);
    };
    bulkPoints(
      attack,
      own.filter((t) => !proven(t)),
      widenAll,
      proven,
    );
    for (const t of own) {
      if (proven(t)) {
        this.status.set(t, statusOf(spreads.get(t)!));
        continue;
      }
      this.status.set(
        t,
        this.settle(attack, t, () => spreads.get(t)!, widenAll),
      );
    }
    this.collect(attack);
  }

  /**
   * The width of a cell its points do not prove. Its largest value is solved
   * first: the smallest is bounded below and the points often reach it, or
   * come near, so one LP then proves the width, or gives it exactly (a point
   * at the lower bound is the minimum). Otherwise the smallest is solved too,
   * unless `exact` is false and the largest value alone shows the cell falls
   * short: the width returned is then only an upper bound. Every point found
   * goes to `widenAll`.
   */
  private settle(attack: ComponentAttack, cell: number, spread: () => Spread, widenAll: (points: Float64Array[]) => void, exact = true): Status {
    const high = attack.side(cell, -1);
    if (!high) return { width: Infinity, low: spread().low, high: null };
    widenAll([high.point]);
    const proven = spread();
    const need = this.required.get(cell)!;
    if (proven.width >= need) return statusOf(proven);
    const floor = this.state.lowerBound(cell);
    const j = attack.column(cell);
    if (proven.low[j]! <= floor + POINT_TOLERANCE || (!exact && roundedWidth(floor, high.value) < need)) {
      return { width: roundedWidth(floor, high.value), low: proven.low, high: high.point };
    }
    const low = attack.side(cell, 1)!;
    widenAll([low.point]);
    return { width: roundedWidth(low.value, high.value), low: low.point, high: high.point };
  }

  private slack(cell: number): number {
    return this.status.get(cell)!.width - this.required.get(cell)!;
  }

  /** Proven width: exact when below the required width. */
  width(cell: number): number {
    return this.status.get(cell)!.width;
  }

  /** Protected cells below their required width. */
  failing(): number[] {
    return [...this.status].filter(([cell, s]) => s.width < this.required.get(cell)!).map(([cell]) => cell);
  }

  /**
   * Mark c known and run singleton elimination from it. Returns the cells
   * that became known (c first) and whether a protected cell is among them.
   */
  private propagate(c: number): { changed: number[]; leaks: boolean } {
    const { structure } = this.state;
    const changed: number[] = [];
    let leaks = false;
    const learn = (cell: number) => {
      this.unknown[cell] = 0;
      changed.push(cell);
      if (this.isTarget.has(cell) && this.required.get(cell)! > 0) leaks = true;
      for (const r of structure.cellRelations[cell]!) if (--this.open[r]! === 1) queue.push(r);
    };
    const queue: number[] = [];
    learn(c);
    while (queue.length > 0 && !leaks) {
      const r = queue.pop()!;
      if (this.open[r] !== 1) continue;
      learn(structure.relations[r]!.find((cell) => this.unknown[cell] === 1)!);
    }
    return { changed, leaks };
  }

  private forget(changed: number[]): void {
    const { structure } = this.state;
    for (const cell of changed) {
      this.unknown[cell] = 1;
      for (const r of structure.cellRelations[cell]!) this.open[r]!++;
    }
  }

  /** Keep the true table and the points some status refers to, so the pool does not grow without end. */
  private collect(attack: ComponentAttack): void {
    const kept = new Set<Float64Array>([this.points.get(attack)![0]!]);
    for (const t of this.targetsOf.get(attack)!) {
      const s = this.status.get(t)!;
      kept.add(s.low);
      if (s.high) kept.add(s.high);
    }
    this.points.set(attack, sparsestFirst([...kept]));
  }

  /** Relation steps from c to the unknown cells around it (through unknown cells), as far as DISTANCE_LIMIT. */
  private distancesFrom(c: number): Map<number, number> {
    const { structure } = this.state;
    const distance = new Map<number, number>([[c, 0]]);
    let frontier = [c];
    for (let d = 1; d <= DISTANCE_LIMIT && frontier.length > 0; d++) {
      const next: number[] = [];
      for (const cell of frontier) {
        for (const r of structure.cellRelations[cell]!) {
          for (const other of structure.relations[r]!) {
            if (!this.unknown[other] || distance.has(other)) continue;
            distance.set(other, d);
            next.push(other);
          }
        }
      }
      frontier = next;
    }
    return distance;
  }

  /**
   * Publish hidden cell c if every protected cell still meets its required
   * width; otherwise leave everything as it was. Returns whether c was published.
   */
  tryPublish(c: number): boolean {
    const attack = this.attackOf.get(c);
    if (!attack) return true; // derivable anyway, or its component holds no protected cell
    const { values } = this.state;
    const j = attack.column(c);
    const value = values[c]!;
    if (!this.unknown[c]) {
      // Already given away by singleton chains: publishing it tells nothing new.
      attack.fix(c, value);
      return true;
    }
    const holds = (p: Float64Array) => Math.abs(p[j]! - value) <= POINT_TOLERANCE;
    const stale = (s: Status) => s.high === null || !holds(s.low) || !holds(s.high);
    const affected = this.targetsOf.get(attack)!.filter((t) => stale(this.status.get(t)!));

    // Before c and what it gives away become known: paths run through them.
    const distance = this.distancesFrom(c);
    // Cheap first: a protected cell given away by a singleton chain needs no LP to fail.
    const { changed, leaks } = this.propagate(c);
    if (leaks) {
      this.forget(changed);
      return false;
    }
    attack.fix(c, value);
    const all = this.points.get(attack)!;
    const fresh: Float64Array[] = [];
    const valid = pointsOnto(all, j, value);
    // What the remaining points prove; the rest is solved, likeliest failures first.
    const spreads = new Map(affected.map((t) => [t, sufficientSpread(valid, attack.column(t), this.required.get(t)!)]));
    const proven = (t: number) => spreads.get(t)!.width >= this.required.get(t)!;
    const far = (t: number) => distance.get(t) ?? Infinity;
    const queue = affected.filter((t) => !proven(t)).sort((a, b) => compare(far(a), far(b)) || compare(this.slack(a), this.slack(b)));
    const solved = new Map<number, Status>();
    const widenAll = (points: Float64Array[]) => {
      for (const [u, spread] of spreads) {
        if (!proven(u))
          spreads.set(
            u,
            points.reduce((acc, p) => widen(acc, p, attack.column(u)), spread),
          );
      }
      fresh.push(...points);
    };
    let tries = 0;
    for (const t of queue) {
      if (proven(t)) continue; // certified by the points of an earlier solve
      if (tries++ === FAIL_FIRST) {
        // The likeliest failures are past: prove the rest in bulk if possible.
        bulkPoints(
          attack,
          queue.filter((u) => !proven(u)),
          widenAll,
          proven,
        );
        if (proven(t)) continue;
      }
      // Whether t falls short is all this needs: no exact width for a failing cell.
      const status = this.settle(attack, t, () => spreads.get(t)!, widenAll, false);
      if (status.width < this.required.get(t)!) {
        attack.release(c, this.state.lowerBound(c));
        this.forget(changed);
        // Points found with c fixed are feasible with c free too.
        all.push(...fresh);
        if (all.length > 4 * this.targetsOf.get(attack)!.length + 64) this.collect(attack);
        else sparsestFirst(all);
        return false;
      }
      solved.set(t, status);
    }
    for (const [t, spread] of spreads) this.status.set(t, solved.get(t) ?? statusOf(spread));
    this.collect(attack);
    return true;
  }

  dispose(): void {
    for (const attack of this.attacks) attack.dispose();
  }
}
