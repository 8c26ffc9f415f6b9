// Cells and relations by integer index, the form every algorithm works on.
// A relation r is stored as [total, ...parts]; as an equation it reads
// x[total] − Σ x[parts] = 0, so position 0 has coefficient +1, others −1.

import { SdcError, type SdcRelation } from "./model.ts";

export interface CellShape {
  id: string;
  publishable: boolean;
  known?: boolean;
}

export interface Structure {
  ids: string[];
  index: Map<string, number>;
  publishable: Uint8Array;
  known: Uint8Array;
  /** relations[r] = [total, ...parts] as cell indices. */
  relations: Int32Array[];
  /** Relations in which each cell appears (as total or part). */
  cellRelations: Int32Array[];
}

/** Coefficient of the cell at a position of a relation's equation. */
export function coefficient(position: number): 1 | -1 {
  return position === 0 ? 1 : -1;
}

export function buildStructure(cells: readonly CellShape[], relations: readonly SdcRelation[]): Structure {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const publishable = new Uint8Array(cells.length);
  const known = new Uint8Array(cells.length);
  cells.forEach((cell, i) => {
    if (typeof cell.id !== "string" || cell.id === "") throw new SdcError(`cell #${i} has no id`);
    if (index.has(cell.id)) throw new SdcError(`duplicate cell id "${cell.id}"`);
    index.set(cell.id, i);
    ids.push(cell.id);
    publishable[i] = cell.publishable ? 1 : 0;
    known[i] = cell.known ? 1 : 0;
  });

  // Plain loops, and the message of an error built only when there is one: problems have tens of
  // thousands of relations, and this runs for each problem and again in its audit.
  const where = (r: number) => `relation #${r} (total "${relations[r]!.total}")`;
  const lookup = (id: string, r: number): number => {
    const i = index.get(id);
    if (i === undefined) throw new SdcError(`${where(r)} refers to unknown cell "${id}"`);
    return i;
  };

  const incidence: number[][] = cells.map(() => []);
  // The relation that last listed each cell: a cell listed twice in one relation is seen at once.
  const listedBy = new Int32Array(cells.length).fill(-1);
  const rows = relations.map((relation, r) => {
    const parts = relation.parts;
    if (!Array.isArray(parts) || parts.length === 0) throw new SdcError(`${where(r)} has no parts`);
    const row = new Int32Array(parts.length + 1);
    row[0] = lookup(relation.total, r);
    for (let k = 0; k < parts.length; k++) row[k + 1] = lookup(parts[k]!, r);
    for (const cell of row) {
      // A repeated cell would make the equation say something else than it reads.
      if (listedBy[cell] === r) throw new SdcError(`${where(r)} lists a cell twice`);
      listedBy[cell] = r;
    }
    for (const cell of row) incidence[cell]!.push(r);
    return row;
  });

  return {
    ids,
    index,
    publishable,
    known,
    relations: rows,
    cellRelations: incidence.map((list) => Int32Array.from(list)),
  };
}
