// What complementary suppression works on: the problem with true values, the
// current set of hidden cells, and why each was hidden.

import { alwaysKnown } from "./ceiling.ts";
import type { Component } from "./components.ts";
import { SdcError, type ResolvedOptions, type SdcCell } from "./model.ts";
import { lowerBound } from "./options.ts";
import type { Structure } from "./structure.ts";
import type { Solver } from "./lp.ts";

export type HiddenKind = "primary" | "complementary";

export class SuppressionState {
  readonly cost: Float64Array;
  readonly cheapest: number;
  /** SdcCell.prominent, by cell. */
  readonly prominent: Uint8Array;
  /** Known cells, and zeros when zeros are published: never hidden. */
  readonly alwaysKnown: Uint8Array;
  readonly hidden: Uint8Array;
  readonly kind = new Map<number, HiddenKind>();
  /** Hidden at the caller's request (SdcProblem.hide): never published again by pruning. */
  readonly pinned = new Set<number>();
  /** Bumped on every change of the pattern, so that caches of attacks know when they are stale. */
  version = 0;

  constructor(
    readonly highs: Solver,
    readonly structure: Structure,
    readonly values: Float64Array,
    readonly options: ResolvedOptions,
    cells: readonly SdcCell[],
  ) {
    this.cost = Float64Array.from(cells, (cell) => {
      const c = options.cost(cell);
      if (!(c > 0) || !Number.isFinite(c)) throw new SdcError(`cost of "${cell.id}" must be a positive number, got ${c}`);
      const weight = cell.weight ?? 1;
      if (!(weight > 0) || !Number.isFinite(weight)) throw new SdcError(`weight of "${cell.id}" must be a positive number, got ${weight}`);
      return c * weight;
    });
    this.cheapest = this.cost.reduce((a, b) => Math.min(a, b), Infinity);
    this.prominent = Uint8Array.from(cells, (cell) => (cell.prominent ? 1 : 0));
    this.alwaysKnown = alwaysKnown(structure, values, options);
    this.hidden = new Uint8Array(structure.ids.length);
  }

  isUnpublished(cell: number): boolean {
    return !this.structure.known[cell] && (!this.structure.publishable[cell] || this.hidden[cell] === 1);
  }

  /** May this published cell be hidden as a complementary suppression? */
  isCandidate(cell: number): boolean {
    return this.structure.publishable[cell] === 1 && !this.alwaysKnown[cell] && !this.hidden[cell];
  }

  lowerBound(cell: number): number {
    return lowerBound(this.structure.publishable[cell] === 1, this.options);
  }

  hide(cell: number, kind: HiddenKind): void {
    if (!this.structure.publishable[cell] || this.structure.known[cell]) throw new Error("internal: cannot hide");
    this.hidden[cell] = 1;
    if (!this.kind.has(cell)) this.kind.set(cell, kind);
    this.version++;
  }

  publish(cell: number): void {
    this.hidden[cell] = 0;
    this.kind.delete(cell);
    this.version++;
  }

  unpublishedMask(): Uint8Array {
    const mask = new Uint8Array(this.structure.ids.length);
    for (let i = 0; i < mask.length; i++) mask[i] = this.isUnpublished(i) ? 1 : 0;
    return mask;
  }

  /** The component of an unpublished cell (or of an unknown one, by `unknown`), found by walking relations. */
  componentOf(start: number, unknown: (cell: number) => boolean = (c) => this.isUnpublished(c)): Component {
    const cells = new Set([start]);
    const relations = new Set<number>();
    const stack = [start];
    while (stack.length > 0) {
      const cell = stack.pop()!;
      for (const r of this.structure.cellRelations[cell]!) {
        if (relations.has(r)) continue;
        relations.add(r);
        for (const c of this.structure.relations[r]!) {
          if (!cells.has(c) && unknown(c)) {
            cells.add(c);
            stack.push(c);
          }
        }
      }
    }
    return { cells: [...cells].sort((a, b) => a - b), relations: [...relations].sort((a, b) => a - b) };
  }
}
