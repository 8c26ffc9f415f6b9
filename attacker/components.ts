/**
 * Independent pieces of the attacker's system: unknowns linked by a row, a target or a
 * small-count fact end up in one component; each component is solved on its own, with its unknowns renumbered from 0.
 */
import type { Row } from "./solver.ts";
import type { AttackSystem, Target } from "./system.ts";

export interface Component {
  numVars: number;
  rows: Row[];
  targets: Target[];
  /** Index of each of `targets` in the whole system. */
  targetIds: number[];
}

export function splitComponents(system: AttackSystem): Component[] {
  const parent = Int32Array.from({ length: system.numVars }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  const link = (idx: readonly number[]) => {
    const r = find(idx[0]!);
    for (const i of idx) parent[find(i)] = r;
  };
  for (const row of system.rows) if (row.idx.length > 0) link(row.idx);
  for (const t of system.targets) if (t.idx.length > 0) link(t.idx);
  // A known-small cell's counts are read together (one of them is small): one component.
  for (const fact of system.smallFacts) {
    const idx = fact.flatMap((t) => system.targets[t]!.idx);
    if (idx.length > 0) link(idx);
  }
  // Only components with a target are worth solving.
  const byRoot = new Map<number, Component>();
  const local = new Int32Array(system.numVars).fill(-1);
  const componentOf = (v: number) => byRoot.get(find(v));
  system.targets.forEach((t, id) => {
    if (t.idx.length === 0) return;
    const root = find(t.idx[0]!);
    let c = byRoot.get(root);
    if (!c) byRoot.set(root, (c = { numVars: 0, rows: [], targets: [], targetIds: [] }));
    c.targets.push(t);
    c.targetIds.push(id);
  });
  const renumber = (c: Component, idx: readonly number[]) => idx.map((v) => (local[v] === -1 ? (local[v] = c.numVars++) : local[v]!));
  for (const row of system.rows) {
    const c = row.idx.length > 0 ? componentOf(row.idx[0]!) : undefined;
    if (c) c.rows.push({ ...row, idx: renumber(c, row.idx) });
  }
  for (const c of byRoot.values()) c.targets = c.targets.map((t) => ({ ...t, idx: renumber(c, t.idx) }));
  return [...byRoot.values()];
}
