// The attack on one protected cell in the pattern as it stands, during the
// hiding pass. Patterns found for earlier cells often protect later ones too
// (their hidden cells open new cycles), and two attack LPs on a component
// cost far less than a protection LP, whose neighbourhood can span thousands
// of cells. Attacks are kept per component until the next cell is hidden,
// and every point they find goes to the Reach.
//
// (One persistent LP over the whole problem, warm-started as columns are
// freed, was tried: it wins on a problem with one giant component and loses
// where latent cells that singleton elimination would remove abound.)

import { ComponentAttack } from "./attack.ts";
import type { Reach } from "./reach.ts";
import { eliminateSingletons } from "./singletons.ts";
import type { SuppressionState } from "./state.ts";

export class Probe {
  private version = -1;
  /** Unpublished cells still unknown after singleton elimination, for the current pattern. */
  private unknown: Uint8Array = new Uint8Array();
  private readonly attackOf = new Map<number, ComponentAttack>();

  constructor(
    private readonly state: SuppressionState,
    private readonly reach: Reach,
  ) {}

  /** Exact width of cell s against the current pattern. */
  width(s: number): number {
    this.refresh();
    if (!this.unknown[s]) return 0; // given away by a singleton chain
    const { state } = this;
    let attack = this.attackOf.get(s);
    if (!attack) {
      const component = state.componentOf(s, (c) => this.unknown[c] === 1);
      attack = new ComponentAttack(state.highs, state.structure, component, this.unknown, state.values, (c) => state.lowerBound(c));
      for (const c of component.cells) this.attackOf.set(c, attack);
    }
    const interval = attack.interval(s);
    const { cells } = attack.system;
    this.reach.addDense(cells, interval.low, state.values);
    this.reach.addDense(cells, interval.high, state.values);
    return interval.width;
  }

  /** Drop the attacks when cells were hidden since they were built. */
  private refresh(): void {
    if (this.version === this.state.version) return;
    this.dispose();
    this.version = this.state.version;
    this.unknown = eliminateSingletons(this.state.structure, this.state.unpublishedMask(), this.state.values).unknown;
  }

  dispose(): void {
    for (const attack of new Set(this.attackOf.values())) attack.dispose();
    this.attackOf.clear();
  }
}
