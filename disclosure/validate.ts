// Fail early and by name: a malformed problem would otherwise surface as an
// infeasible LP or, worse, as a wrong audit.

import { SdcError, type SdcProblem, type SdcRelease } from "./model.ts";
import { buildStructure, type Structure } from "./structure.ts";

export interface IndexedProblem {
  structure: Structure;
  /** True value of every cell. */
  values: Float64Array;
}

function checkCount(value: unknown, id: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new SdcError(`cell "${id}" has value ${String(value)}: counts must be non-negative integers`);
  }
  return value;
}

/** Relations whose cells all have a value must add up exactly. */
function checkSums(structure: Structure, values: ArrayLike<number>, hasValue: (cell: number) => boolean): void {
  structure.relations.forEach((row, r) => {
    if (!row.every(hasValue)) return;
    let parts = 0;
    for (let k = 1; k < row.length; k++) parts += values[row[k]!]!;
    const total = values[row[0]!]!;
    if (parts !== total) {
      const id = structure.ids[row[0]!];
      throw new SdcError(`relation #${r}: total "${id}" = ${total} but its parts add up to ${parts}`);
    }
  });
}

export function indexProblem(problem: SdcProblem): IndexedProblem {
  if (!problem || !Array.isArray(problem.cells) || !Array.isArray(problem.relations)) {
    throw new SdcError("a problem needs cells and relations arrays");
  }
  const structure = buildStructure(problem.cells, problem.relations);
  const values = Float64Array.from(problem.cells, (cell) => checkCount(cell.value, cell.id));
  checkSums(structure, values, () => true);
  return { structure, values };
}

export interface IndexedRelease {
  structure: Structure;
  /** Published value, NaN when hidden or latent. */
  values: Float64Array;
  published: Uint8Array;
  sensitive: Int32Array;
}

export function indexRelease(release: SdcRelease): IndexedRelease {
  if (!release || !Array.isArray(release.cells) || !Array.isArray(release.relations)) {
    throw new SdcError("a release needs cells and relations arrays");
  }
  const structure = buildStructure(release.cells, release.relations);
  const published = new Uint8Array(release.cells.length);
  const values = new Float64Array(release.cells.length).fill(NaN);
  release.cells.forEach((cell, i) => {
    if (cell.value === undefined) {
      if (cell.known) throw new SdcError(`known cell "${cell.id}" must carry its value`);
      return;
    }
    if (!cell.publishable && !cell.known) {
      throw new SdcError(`latent cell "${cell.id}" must not carry a value in a release`);
    }
    values[i] = checkCount(cell.value, cell.id);
    published[i] = 1;
  });
  checkSums(structure, values, (cell) => published[cell] === 1);
  const sensitive = Int32Array.from(new Set(release.sensitive ?? []), (id) => {
    const i = structure.index.get(id);
    if (i === undefined) throw new SdcError(`sensitive list refers to unknown cell "${id}"`);
    return i;
  });
  return { structure, values, published, sensitive };
}
