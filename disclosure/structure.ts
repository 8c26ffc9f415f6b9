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

  const lookup = (id: string, where: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new SdcError(`${where} refers to unknown cell "${id}"`);
    return i;
  };

  const incidence: number[][] = cells.map(() => []);
  const rows = relations.map((relation, r) => {
    const where = `relation #${r} (total "${relation.total}")`;
    if (!Array.isArray(relation.parts) || relation.parts.length === 0) throw new SdcError(`${where} has no parts`);
    const row = Int32Array.from([relation.total, ...relation.parts], (id) => lookup(id, where));
    // A repeated cell would make the equation say something else than it reads.
    if (new Set(row).size !== row.length) throw new SdcError(`${where} lists a cell twice`);
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
