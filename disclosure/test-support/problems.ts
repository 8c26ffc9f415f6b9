// Helpers for the tests only: small problem builders, random hierarchies, and
// a naive attacker written independently of the audit (plain arithmetic on
// relations, no LP, no Gaussian elimination).

import type { SdcCell, SdcProblem, SdcRelation, SdcRelease } from "../model.ts";

/** Cells from {id: value}; ids listed in `latent` are not publishable, in `known` are known. */
export function cellsOf(values: Record<string, number>, { latent = [], known = [] }: { latent?: string[]; known?: string[] } = {}): SdcCell[] {
  return Object.entries(values).map(([id, value]) => ({
    id,
    value,
    publishable: !latent.includes(id),
    ...(known.includes(id) ? { known: true } : {}),
  }));
}

/** Relation "T = a + b + c" written as rel("T", "a", "b", "c"). */
export const rel = (total: string, ...parts: string[]): SdcRelation => ({ total, parts });

/**
 * A grid with margins: interior cells `c{i}{j}`, row totals `r{i}`, column
 * totals `k{j}`, grand total `T`.
 */
export function gridProblem(grid: number[][]): SdcProblem {
  const values: Record<string, number> = {};
  const relations: SdcRelation[] = [];
  const columns = grid[0]!.length;
  grid.forEach((row, i) => row.forEach((v, j) => (values[`c${i}${j}`] = v)));
  grid.forEach((row, i) => {
    values[`r${i}`] = row.reduce((a, b) => a + b, 0);
    relations.push(rel(`r${i}`, ...row.map((_, j) => `c${i}${j}`)));
  });
  for (let j = 0; j < columns; j++) {
    values[`k${j}`] = grid.reduce((a, row) => a + row[j]!, 0);
    relations.push(rel(`k${j}`, ...grid.map((_, i) => `c${i}${j}`)));
  }
  values.T = grid.flat().reduce((a, b) => a + b, 0);
  relations.push(rel("T", ...grid.map((_, i) => `r${i}`)), rel("T", ...grid[0]!.map((_, j) => `k${j}`)));
  return { cells: cellsOf(values), relations };
}

export interface HierarchySpec {
  /** Leaf counts: regions → municipalities → [stratum a, stratum b]. */
  leaves: [number, number][][];
  /** Stratum b is latent (e.g. den − num) instead of publishable. */
  latentB?: boolean;
}

/** Total → regions → municipalities, each area split into strata a + b. */
export function hierarchyProblem({ leaves, latentB = false }: HierarchySpec): SdcProblem {
  const cells: SdcCell[] = [];
  const relations: SdcRelation[] = [];
  const area = (id: string, a: number, b: number) => {
    cells.push({ id, value: a + b, publishable: true });
    cells.push({ id: `${id}.a`, value: a, publishable: true });
    cells.push({ id: `${id}.b`, value: b, publishable: !latentB });
    relations.push(rel(id, `${id}.a`, `${id}.b`));
  };
  const link = (parent: string, children: string[]) => {
    for (const suffix of ["", ".a", ".b"]) relations.push(rel(parent + suffix, ...children.map((c) => c + suffix)));
  };
  let ta = 0;
  let tb = 0;
  const regions: string[] = [];
  leaves.forEach((municipalities, r) => {
    let ra = 0;
    let rb = 0;
    const children: string[] = [];
    municipalities.forEach(([a, b], m) => {
      area(`R${r}M${m}`, a, b);
      children.push(`R${r}M${m}`);
      ra += a;
      rb += b;
    });
    area(`R${r}`, ra, rb);
    link(`R${r}`, children);
    regions.push(`R${r}`);
    ta += ra;
    tb += rb;
  });
  area("T", ta, tb);
  link("T", regions);
  return { cells, relations };
}

/**
 * The naive attacker: takes every relation, and the sum and difference of
 * every pair of relations (parent − children, total − strata, …), fills in
 * published values, and solves any equation left with a single unknown; it
 * also uses "k hidden cells adding up to k are all 1" when zeros are
 * published. Repeats until nothing new is learnt. Returns what it recovered.
 */
export function naiveAttack(release: SdcRelease, { publishZeros = true } = {}): Map<string, number> {
  const known = new Map<string, number>();
  for (const cell of release.cells) if (cell.value !== undefined) known.set(cell.id, cell.value);
  const publishable = new Map(release.cells.map((c) => [c.id, c.publishable]));
  const single = release.relations.map((r) => {
    const eq = new Map<string, number>([[r.total, 1]]);
    for (const p of r.parts) eq.set(p, -1);
    return eq;
  });
  const equations = [...single];
  for (let i = 0; i < single.length; i++) {
    for (let j = i + 1; j < single.length; j++) {
      for (const sign of [1, -1]) {
        const eq = new Map(single[i]);
        for (const [id, a] of single[j]!) eq.set(id, (eq.get(id) ?? 0) + sign * a);
        for (const [id, a] of eq) if (a === 0) eq.delete(id);
        if (eq.size > 0) equations.push(eq);
      }
    }
  }
  const recovered = new Map<string, number>();
  for (let changed = true; changed;) {
    changed = false;
    for (const eq of equations) {
      let constant = 0;
      const unknown: [string, number][] = [];
      for (const [id, a] of eq) {
        const v = known.get(id);
        if (v === undefined) unknown.push([id, a]);
        else constant += a * v;
      }
      // Σ a·x = −constant over the unknowns.
      if (unknown.length === 1) {
        const [id, a] = unknown[0]!;
        known.set(id, -constant / a);
        recovered.set(id, -constant / a);
        changed = true;
      } else if (publishZeros && unknown.length > 1 && unknown.every(([id]) => publishable.get(id))) {
        const sign = unknown[0]![1];
        if (unknown.every(([, a]) => a === sign) && -constant / sign === unknown.length) {
          for (const [id] of unknown) {
            known.set(id, 1);
            recovered.set(id, 1);
          }
          changed = true;
        }
      }
    }
  }
  return recovered;
}
