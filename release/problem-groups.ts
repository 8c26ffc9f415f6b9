/**
 * Which count tables of a year are protected together. Two tables tied by an equation (a
 * proportion's rest ties its numerator to its denominator; a restriction or a sum found in the
 * data ties families; a shared syntactic group ties the families of zone figures and
 * hand-written queries) must be in one problem, or earlier decisions fixed in the later one:
 *
 * - phase 1: every table that is some definition's denominator, in connected groups;
 * - phase 2: the other (numerator) tables, in connected groups, each with the phase-1 tables
 *   it touches fixed as phase 1 left them (`fixed`).
 */
import type { FamilyLinks } from "./family-links.ts";

export interface GroupedTable {
  year: number;
  family: string;
  group: string;
  denominator: boolean;
  /** Tables (`family@year`) of the denominators its proportions' rests tie it to (den = num + rest). */
  restTables: ReadonlySet<string>;
}

export interface TableGroup {
  key: string;
  /** Table keys (`family@year`) protected in this problem. */
  keys: string[];
  /** Phase 2 only: phase-1 tables this problem needs, fixed. */
  fixed: string[];
}

/** The family of a class of equal columns read from the data. */
export const setFamily = (column: string) => `set:${column}`;

export function groupTables(tables: ReadonlyMap<string, GroupedTable>, kindOf: (family: string) => string, links?: ReadonlyMap<number, FamilyLinks>): { phase1: TableGroup[]; phase2: TableGroup[] } {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(rb < ra ? ra : rb, rb < ra ? rb : ra);
  };
  const phase = (k: string) => (tables.get(k)!.denominator ? 1 : 2);
  const samePhase = (keys: string[]) => {
    const present = keys.filter((k) => tables.has(k));
    for (const p of [1, 2]) {
      const inPhase = present.filter((k) => phase(k) === p);
      for (const k of inPhase.slice(1)) union(inPhase[0]!, k);
    }
  };

  // Syntactic groups (zone figures, hand-written queries, families not read from the data).
  const bySyntax = new Map<string, string[]>();
  for (const [key, t] of tables) {
    if (t.family.startsWith("set:")) continue;
    const pKey = t.denominator ? `${t.year}|${t.group}` : `${t.year}|${kindOf(t.family)}|${t.group}`;
    bySyntax.set(pKey, [...(bySyntax.get(pKey) ?? []), key]);
  }
  for (const keys of bySyntax.values()) samePhase(keys);
  // Rests: a numerator with its denominator, when both are denominators (phase 1).
  for (const [key, t] of tables) for (const den of t.restTables) samePhase([key, den]);
  // Links found in the data.
  const linkedTables = new Map<string, Set<string>>();
  for (const [year, l] of links ?? []) {
    const keyOf = (column: string) => `${setFamily(column)}@${year}`;
    const groups = [...l.restrictions.map((r) => [keyOf(r.part), keyOf(r.whole)]), ...l.sums.map((s) => [...s.plus, ...s.minus].map(keyOf))];
    for (const g of groups) {
      samePhase(g);
      const present = g.filter((k) => tables.has(k));
      for (const k of present) linkedTables.set(k, new Set([...(linkedTables.get(k) ?? []), ...present]));
    }
  }

  const components = new Map<string, string[]>();
  for (const key of [...tables.keys()].sort()) components.set(find(key), [...(components.get(find(key)) ?? []), key]);
  const phase1: TableGroup[] = [];
  const phase2: TableGroup[] = [];
  for (const keys of components.values()) {
    if (phase(keys[0]!) === 1) {
      phase1.push({ key: keys[0]!, keys, fixed: [] });
      continue;
    }
    // The phase-1 tables it needs: its rests' denominators and linked populations, and theirs.
    const fixed = new Set<string>();
    const pending = keys.flatMap((k) => [...tables.get(k)!.restTables, ...(linkedTables.get(k) ?? [])]);
    while (pending.length > 0) {
      const k = pending.pop()!;
      if (fixed.has(k) || !tables.has(k) || phase(k) !== 1) continue;
      fixed.add(k);
      for (const den of tables.get(k)!.restTables) pending.push(den);
    }
    phase2.push({ key: keys[0]!, keys, fixed: [...fixed].sort() });
  }
  return { phase1, phase2 };
}
