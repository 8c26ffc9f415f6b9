// Which unknowns do the equations alone pin down? x_j is determined iff e_j
// lies in the row space, i.e. iff the reduced row echelon form has a row
// equal to e_j. This is the exact-disclosure test of Statistics Norway's
// GaussSuppression, independent of bounds.
//
// Arithmetic is modulo the prime 2^31 − 1, so it is exact and never drifts
// like floating point. Rank over the integers and modulo p agree unless p
// divides a minor of the system; relation matrices have ±1 entries and small
// minors (0 or ±1 for hierarchies and two-way tables), so that cannot happen
// in practice.

import { inverse, mod, mul, P } from "./modular.ts";

type Row = Map<number, number>;

/** rows: sparse equations over columns 0..numCols−1 (coefficients are small integers). */
export function determinedColumns(rows: readonly { indices: number[]; values: number[] }[], numCols: number): Uint8Array {
  const pivotRow = new Map<number, Row>(); // pivot column → fully reduced row (pivot coefficient 1)
  const holders: Set<number>[] = Array.from({ length: numCols }, () => new Set()); // column → pivot columns whose row uses it

  // Sparse rows first: fewer fill-ins.
  const order = rows.map((_, i) => i).sort((a, b) => rows[a]!.indices.length - rows[b]!.indices.length);
  for (const i of order) {
    const source = rows[i]!;
    const row: Row = new Map();
    source.indices.forEach((col, k) => row.set(col, mod(source.values[k]!)));
    // Reduce by existing pivots: pivot rows hold no other pivot column, so one pass suffices.
    for (const [col, value] of [...row]) {
      const pivot = pivotRow.get(col);
      if (!pivot || value === 0) continue;
      for (const [c, v] of pivot) {
        const next = mod(row.get(c) ?? 0) - mul(value, v);
        const reduced = next < 0 ? next + P : next;
        if (reduced === 0) row.delete(c);
        else row.set(c, reduced);
      }
    }
    if (row.size === 0) continue; // dependent equation
    // New pivot: the column used by the fewest pivot rows, to limit fill-in.
    let pivotCol = -1;
    for (const col of row.keys()) {
      if (pivotCol < 0 || holders[col]!.size < holders[pivotCol]!.size) pivotCol = col;
    }
    const scale = inverse(row.get(pivotCol)!);
    for (const [c, v] of row) row.set(c, mul(v, scale));
    // Eliminate the new pivot column from older pivot rows (keeps the form fully reduced).
    for (const other of [...holders[pivotCol]!]) {
      const target = pivotRow.get(other)!;
      const factor = target.get(pivotCol)!;
      for (const [c, v] of row) {
        const next = (target.get(c) ?? 0) - mul(factor, v);
        const reduced = next < 0 ? next + P : next;
        if (reduced === 0) {
          target.delete(c);
          holders[c]!.delete(other);
        } else {
          if (!target.has(c)) holders[c]!.add(other);
          target.set(c, reduced);
        }
      }
    }
    pivotRow.set(pivotCol, row);
    for (const c of row.keys()) if (c !== pivotCol) holders[c]!.add(pivotCol);
  }

  const determined = new Uint8Array(numCols);
  for (const [col, row] of pivotRow) if (row.size === 1) determined[col] = 1;
  return determined;
}
