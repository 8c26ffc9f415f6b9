// With published cells fixed, each relation is an equation in the unpublished
// cells it contains. Unpublished cells linked through such equations form a
// component; components share no unknown, so each is attacked (and solved)
// alone. This is what keeps audits of thousands of cells fast.

import { coefficient, type Structure } from "./structure.ts";
import type { SparseRow } from "./lp.ts";

export interface Component {
  /** Unpublished cells, ascending. */
  cells: number[];
  /** Relations containing at least one of the cells. */
  relations: number[];
}

function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

export function findComponents(structure: Structure, unpublished: Uint8Array): Component[] {
  const n = structure.ids.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  for (const row of structure.relations) {
    let first = -1;
    for (const cell of row) {
      if (!unpublished[cell]) continue;
      const root = find(parent, cell);
      if (first < 0) first = root;
      else if (root !== first) parent[root] = first; // first stays a root
    }
  }
  const byRoot = new Map<number, Component>();
  for (let i = 0; i < n; i++) {
    if (!unpublished[i]) continue;
    const root = find(parent, i);
    let component = byRoot.get(root);
    if (!component) byRoot.set(root, (component = { cells: [], relations: [] }));
    component.cells.push(i);
  }
  structure.relations.forEach((row, r) => {
    const cell = row.find((c) => unpublished[c] === 1);
    if (cell !== undefined) byRoot.get(find(parent, cell))!.relations.push(r);
  });
  return [...byRoot.values()];
}

export interface ComponentSystem {
  /** Column j of the system is cell cells[j]. */
  cells: number[];
  column: Map<number, number>;
  /** One equation per relation: Σ ±x = rhs (lower = upper = rhs). */
  rows: SparseRow[];
}

/** The equations of a component, published values moved to the right-hand side. */
export function componentSystem(structure: Structure, component: Component, unpublished: Uint8Array, values: ArrayLike<number>): ComponentSystem {
  const column = new Map(component.cells.map((cell, j) => [cell, j]));
  const rows = component.relations.map((r): SparseRow => {
    const row = structure.relations[r]!;
    const indices: number[] = [];
    const coefficients: number[] = [];
    let rhs = 0;
    row.forEach((cell, position) => {
      const a = coefficient(position);
      if (unpublished[cell]) {
        indices.push(column.get(cell)!);
        coefficients.push(a);
      } else rhs -= a * values[cell]!;
    });
    return { indices, values: coefficients, lower: rhs, upper: rhs };
  });
  return { cells: component.cells, column, rows };
}
