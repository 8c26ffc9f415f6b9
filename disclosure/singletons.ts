// Singleton elimination: a relation with a single unknown gives it away
// (total = Σ parts, or part = total − Σ other parts). Repeating this to a
// fixpoint is the oldest attack on a suppressed table, and also a presolve:
// derived cells become known values, which splits the components. Without
// it, latent cells (den − num of every area, tied by their own hierarchy)
// would form one component spanning the whole release.

import { SdcError } from "./model.ts";
import type { Structure } from "./structure.ts";

export interface Elimination {
  /** Cells still unknown after elimination. */
  unknown: Uint8Array;
  /** Cells derived by elimination (unknown before, known now). */
  derived: Uint8Array;
  /** Published values plus derived ones; NaN where still unknown. */
  values: Float64Array;
}

/**
 * `unknown` marks the unpublished cells; `values` must hold the published
 * values (other entries are ignored).
 */
export function eliminateSingletons(structure: Structure, unknownIn: Uint8Array, valuesIn: ArrayLike<number>): Elimination {
  // Plain loops over typed arrays: this runs for every attack and probe, over every relation.
  const n = structure.ids.length;
  const rows = structure.relations;
  const unknown = Uint8Array.from(unknownIn);
  const derived = new Uint8Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = unknown[i] ? NaN : valuesIn[i]!;
  const open = new Int32Array(rows.length);
  const queue: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let k = 0;
    for (let j = 0; j < row.length; j++) k += unknown[row[j]!]!;
    open[r] = k;
    if (k === 1) queue.push(r);
  }

  while (queue.length > 0) {
    const r = queue.pop()!;
    if (open[r] !== 1) continue;
    const row = rows[r]!;
    let cell = -1;
    let sum = 0; // Σ parts − total over the known cells
    for (let position = 0; position < row.length; position++) {
      const c = row[position]!;
      if (unknown[c]) cell = c;
      else sum += position === 0 ? -values[c]! : values[c]!;
    }
    // total − Σ parts = 0: the unknown is the total (sum of parts) or a part.
    const value = (row[0] === cell ? sum : -sum) + 0; // + 0 turns −0 into 0
    if (value < 0) {
      throw new SdcError(`inconsistent release: relation #${r} forces "${structure.ids[cell]}" = ${value}`);
    }
    unknown[cell] = 0;
    derived[cell] = 1;
    values[cell] = value;
    for (const other of structure.cellRelations[cell]!) {
      open[other]!--;
      if (open[other] === 1) queue.push(other);
    }
  }
  // Relations left without unknowns must still add up: two derivations of one cell could disagree.
  for (let r = 0; r < rows.length; r++) {
    if (open[r] !== 0) continue;
    const row = rows[r]!;
    let balance = values[row[0]!]!;
    for (let k = 1; k < row.length; k++) balance -= values[row[k]!]!;
    if (balance !== 0) throw new SdcError(`inconsistent release: relation #${r} does not add up once hidden cells are derived`);
  }
  return { unknown, derived, values };
}
