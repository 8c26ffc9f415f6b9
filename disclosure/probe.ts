// The attack on one protected cell in the pattern as it stands, during the
// hiding pass. Patterns found for earlier cells often protect later ones too
// (their hidden cells open new cycles); a cell the attack shows protected
// needs no protection LP, which might hide more. Attacks are kept per
// component until the next cell is hidden (a component's first solve is the
// dear one), and every point they find goes to the Reach. When cells are hidden,
// the next attack of a component starts from the bases the dropped attacks ended
// with (basis-memory.ts): a quarter less time in probes on the demo's rare-event tables.
//
// (One persistent LP over the whole problem, warm-started as columns are
// freed, was tried: it wins on a problem with one giant component and loses
// where latent cells that singleton elimination would remove abound.)

import { ComponentAttack, roundedWidth } from "./attack.ts";
import { BasisMemory } from "./basis-memory.ts";
import type { Reach } from "./reach.ts";
import { eliminateSingletons } from "./singletons.ts";
import type { SuppressionState } from "./state.ts";

export class Probe {
  private version = -1;
  /** Unpublished cells still unknown after singleton elimination, for the current pattern. */
  private unknown: Uint8Array = new Uint8Array();
  private readonly attacks = new Map<number, ComponentAttack>();
  private readonly bases: BasisMemory;

  constructor(
    private readonly state: SuppressionState,
    private readonly reach: Reach,
  ) {
    this.bases = new BasisMemory(state.structure.ids.length, state.structure.relations.length);
  }

  /**
   * Does cell s reach width `need` against the current pattern? Exact, like
   * the width itself, but the cell's largest value is solved first: with the
   * smallest values already seen (the Reach), or with the cell's lower bound,
   * it often settles the question with one LP instead of two.
   */
  covers(s: number, need: number): boolean {
    this.refresh();
    if (!this.unknown[s]) return need <= 0; // given away by a singleton chain
    const { state, reach } = this;
    if (this.simpleUpper(s) - state.lowerBound(s) < need) return false; // no LP needed to see it falls short
    const attack = this.attackOf(s);
    const { cells } = attack.system;
    const high = attack.side(s, -1);
    if (!high) return true; // unbounded above
    reach.addDense(cells, high.point, state.values);
    if (reach.width(s) >= need) return true;
    // Not even the lowest value a cell may take would give it the width.
    if (roundedWidth(state.lowerBound(s), high.value) < need) return false;
    const low = attack.side(s, 1)!;
    reach.addDense(cells, low.point, state.values);
    return roundedWidth(low.value, high.value) >= need;
  }

  /**
   * An upper bound on s that needs no LP: in a relation whose total the attacker
   * knows, a part is at most the total less the other parts' least values.
   */
  private simpleUpper(s: number): number {
    const { structure, values } = this.state;
    let upper = Infinity;
    for (const r of structure.cellRelations[s]!) {
      const row = structure.relations[r]!;
      const total = row[0]!;
      if (total === s || this.unknown[total]) continue;
      let rest = values[total]!;
      for (let k = 1; k < row.length; k++) {
        const c = row[k]!;
        if (c !== s) rest -= this.unknown[c] ? this.state.lowerBound(c) : values[c]!;
      }
      upper = Math.min(upper, rest);
    }
    return upper;
  }

  private attackOf(s: number): ComponentAttack {
    let attack = this.attacks.get(s);
    if (!attack) {
      const { state } = this;
      const component = state.componentOf(s, (c) => this.unknown[c] === 1);
      attack = new ComponentAttack(state.highs, state.structure, component, this.unknown, state.values, (c) => state.lowerBound(c));
      attack.startFrom(this.bases);
      for (const c of component.cells) this.attacks.set(c, attack);
    }
    return attack;
  }

  /** Drop the attacks when cells were hidden since they were built. */
  private refresh(): void {
    if (this.version === this.state.version) return;
    // No need to forget older bases: a component attacked since contains theirs whole (and
    // overwrites them) or shares nothing with them, since unknowns only grow while hiding.
    for (const attack of new Set(this.attacks.values())) attack.rememberBasis(this.bases);
    this.dispose();
    this.version = this.state.version;
    this.unknown = eliminateSingletons(this.state.structure, this.state.unpublishedMask(), this.state.values).unknown;
  }

  dispose(): void {
    for (const attack of new Set(this.attacks.values())) attack.dispose();
    this.attacks.clear();
  }
}
