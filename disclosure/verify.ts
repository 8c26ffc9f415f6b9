// The attack on the current pattern, kept alive between changes: one LP per
// component, with for every protected cell the two feasible points that
// realise its interval (witnesses). Publishing a hidden cell only restricts
// its own component; a protected cell whose witnesses already give the
// published cell its true value keeps its interval, so only the others are
// re-solved. Before any LP, singleton elimination is replayed from the
// published cell: most cells that must stay hidden fail there, at no cost.
// This is what makes the pruning pass affordable.

import { ComponentAttack } from "./attack.ts";
import { findComponents } from "./components.ts";
import { eliminateSingletons } from "./singletons.ts";
import type { SuppressionState } from "./state.ts";

const TOLERANCE = 1e-9;

/** Ascending order that copes with Infinity − Infinity. */
const compare = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);

interface Status {
  width: number;
  /** Witness points (by component column); high is null when the maximum is unbounded. */
  low: Float64Array;
  high: Float64Array | null;
}

export class Verifier {
  private readonly attacks: ComponentAttack[] = [];
  private readonly attackOf = new Map<number, ComponentAttack>();
  private readonly targetsOf = new Map<ComponentAttack, number[]>();
  private readonly status = new Map<number, Status>();
  private readonly isTarget: Set<number>;
  /** Cells still unknown to the attacker after singleton elimination, and unknowns left per relation. */
  private readonly unknown: Uint8Array;
  private readonly open: Int32Array;

  constructor(
    private readonly state: SuppressionState,
    targets: readonly number[],
    private readonly required: ReadonlyMap<number, number>,
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
      if (own.length === 0) continue;
      const attack = new ComponentAttack(state.highs, structure, component, unknown, values, (c) => state.lowerBound(c));
      this.attacks.push(attack);
      this.targetsOf.set(attack, own);
      for (const c of component.cells) this.attackOf.set(c, attack);
      for (const t of own) this.status.set(t, this.solve(attack, t));
    }
  }

  private solve(attack: ComponentAttack, cell: number): Status {
    const interval = attack.interval(cell);
    return { width: interval.width, low: interval.low, high: interval.max === Infinity ? null : interval.high };
  }

  private slack(cell: number): number {
    return this.status.get(cell)!.width - this.required.get(cell)!;
  }

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

  /**
   * Publish hidden cell c if every protected cell still meets its required
   * width; otherwise leave everything as it was. Returns whether c was published.
   */
  tryPublish(c: number): boolean {
    const attack = this.attackOf.get(c);
    if (!attack) return true; // derivable anyway, or its component holds no protected cell
    const { values, structure } = this.state;
    const j = attack.column(c);
    const value = values[c]!;
    if (!this.unknown[c]) {
      // Already given away by singleton chains: publishing it tells nothing new.
      attack.fix(c, value);
      return true;
    }
    const stillValid = (s: Status) =>
      s.high !== null && Math.abs(s.low[j]! - value) < TOLERANCE && Math.abs(s.high[j]! - value) < TOLERANCE;
    const near = new Set<number>();
    for (const r of structure.cellRelations[c]!) for (const cell of structure.relations[r]!) near.add(cell);
    const affected = this.targetsOf
      .get(attack)!
      .filter((t) => !stillValid(this.status.get(t)!))
      // Cells sharing a relation with c are the likeliest to fail, then those
      // with the least width to spare: try them first.
      .sort((a, b) => Number(near.has(b)) - Number(near.has(a)) || compare(this.slack(a), this.slack(b)));

    // Cheap first: a protected cell given away by a singleton chain needs no LP to fail.
    const { changed, leaks } = this.propagate(c);
    if (leaks) {
      this.forget(changed);
      return false;
    }
    attack.fix(c, value);
    const updates: [number, Status][] = [];
    for (const t of affected) {
      const status = this.solve(attack, t);
      if (status.width < this.required.get(t)!) {
        attack.release(c, this.state.lowerBound(c));
        this.forget(changed);
        return false;
      }
      updates.push([t, status]);
    }
    for (const [t, status] of updates) this.status.set(t, status);
    return true;
  }

  dispose(): void {
    for (const attack of this.attacks) attack.dispose();
  }
}
