// Test support for linked tables: inner cells as a small cross-classification,
// released cells as filters on it, and the old way of protecting them (each
// definition alone, with its own syntactic relations) to show what it leaks.

import { protect } from "../protect.ts";
import type { SdcProblem, SdcRelation } from "../model.ts";
import { valueOf, type LinkedCell, type LinkedTable } from "../linked.ts";

/** Inner cells: every combination of the dimensions' values, each with its count. */
export interface Inner<K extends string> {
  keys: Record<K, string>[];
  values: number[];
}

export function inner<K extends string>(dims: Record<K, string[]>, value: (key: Record<K, string>) => number): Inner<K> {
  let keys: Record<string, string>[] = [{}];
  for (const [dim, values] of Object.entries(dims) as [string, string[]][]) keys = keys.flatMap((k) => values.map((v) => ({ ...k, [dim]: v })));
  const typed = keys as Record<K, string>[];
  return { keys: typed, values: typed.map(value) };
}

/** A released cell: the inner cells that pass every filter (undefined = all values). */
export function over<K extends string>(space: Inner<K>, id: string, filter: Partial<Record<K, string | string[]>>, publishable = true): LinkedCell {
  const pass = (k: Record<K, string>) => (Object.entries(filter) as [K, string | string[]][]).every(([d, v]) => (Array.isArray(v) ? v.includes(k[d]) : k[d] === v));
  return { id, inner: space.keys.flatMap((k, i) => (pass(k) ? [i] : [])), ...(publishable ? {} : { publishable: false }) };
}

/** A definition's table by zone and stratum value, with Belgium = Σ zones: ids `def|area|stratum`. */
export function zoneTable<K extends string>(space: Inner<K>, def: string, base: Partial<Record<K, string | string[]>>, zones: string[], strata: Record<string, Partial<Record<K, string>>>) {
  const cells: LinkedCell[] = [];
  const relations: SdcRelation[] = [];
  const names = Object.keys(strata);
  for (const s of names) {
    for (const z of zones) cells.push(over(space, `${def}|${z}|${s}`, { ...base, ...strata[s], zone: z } as Partial<Record<K, string>>));
    cells.push(over(space, `${def}|BE|${s}`, { ...base, ...strata[s] }));
    relations.push({ total: `${def}|BE|${s}`, parts: zones.map((z) => `${def}|${z}|${s}`) });
  }
  // Stratum totals = Σ the other strata values (all present strata partition "all").
  if (names.length > 1) for (const a of [...zones, "BE"]) relations.push({ total: `${def}|${a}|all`, parts: names.filter((n) => n !== "all").map((n) => `${def}|${a}|${n}`) });
  return { cells, relations };
}

/** Old publisher: each definition protected alone, links between definitions unknown to it. */
export async function protectEachAlone(table: LinkedTable, problems: { cells: LinkedCell[]; relations: SdcRelation[] }[]): Promise<Set<string>> {
  const hidden = new Set<string>();
  for (const p of problems) {
    const problem: SdcProblem = { cells: p.cells.map((c) => ({ id: c.id, value: valueOf(table, c), publishable: c.publishable !== false })), relations: p.relations };
    const r = await protect(problem, { minCount: 5, protectionWidth: 5 });
    for (const id of r.hidden.keys()) hidden.add(id);
  }
  return hidden;
}
