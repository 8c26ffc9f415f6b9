// The widest interval any suppression pattern could give a cell: the width
// when every cell that may be hidden is hidden. Only facts outside our
// control narrow it: known cells, and zeros when zeros are published (they
// are always shown). Widths grow when more cells are hidden, so no pattern
// beats this ceiling. A cell whose ceiling is below protectionWidth cannot
// be protected to the width; it must reach its ceiling instead, i.e. hide
// its totals too as far as they can be hidden, and is reported.

import { ComponentAttack } from "./attack.ts";
import { findComponents, type Component } from "./components.ts";
import type { ResolvedOptions } from "./model.ts";
import { lowerBound } from "./options.ts";
import { eliminateSingletons } from "./singletons.ts";
import type { Structure } from "./structure.ts";
import type { Solver } from "./lp.ts";

/** Cells the attacker knows whatever we suppress. `values` may be NaN for unpublished cells. */
export function alwaysKnown(structure: Structure, values: ArrayLike<number>, options: ResolvedOptions): Uint8Array {
  return Uint8Array.from(structure.ids, (_, i) => (structure.known[i] === 1 || (options.publishZeros && structure.publishable[i] === 1 && values[i] === 0) ? 1 : 0));
}

export class Ceiling {
  private readonly free: Uint8Array;
  private components: Component[] | undefined;
  private componentOf: Int32Array | undefined;
  private unknown: Uint8Array | undefined;
  private known: Float64Array | undefined;
  private readonly attacks = new Map<number, ComponentAttack>();
  private readonly cache = new Map<number, number>();

  constructor(
    private readonly highs: Solver,
    private readonly structure: Structure,
    private readonly values: ArrayLike<number>,
    private readonly options: ResolvedOptions,
  ) {
    this.free = alwaysKnown(structure, values, options).map((k) => 1 - k);
  }

  /** Best achievable width of a cell that is not always known. */
  width(cell: number): number {
    const cached = this.cache.get(cell);
    if (cached !== undefined) return cached;
    if (!this.components) {
      // Cells pinned by known cells through singleton chains have ceiling 0.
      const { unknown, values } = eliminateSingletons(this.structure, this.free, this.values);
      this.unknown = unknown;
      this.known = values;
      this.components = findComponents(this.structure, unknown);
      this.componentOf = new Int32Array(this.structure.ids.length).fill(-1);
      this.components.forEach((c, k) => c.cells.forEach((cell) => (this.componentOf![cell] = k)));
    }
    const k = this.componentOf![cell]!;
    if (k < 0) return 0; // always known, or derived from known cells: nothing can widen it
    let attack = this.attacks.get(k);
    if (!attack) {
      const lower = (c: number) => lowerBound(this.structure.publishable[c] === 1, this.options);
      attack = new ComponentAttack(this.highs, this.structure, this.components[k]!, this.unknown!, this.known!, lower);
      this.attacks.set(k, attack);
    }
    const width = attack.interval(cell).width;
    this.cache.set(cell, width);
    return width;
  }

  dispose(): void {
    for (const attack of this.attacks.values()) attack.dispose();
    this.attacks.clear();
  }
}
