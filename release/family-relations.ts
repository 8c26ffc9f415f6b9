/**
 * The links of family-links.ts turned into equations between model cells, area by area and
 * stratum by stratum: a link that holds for every person holds in every area and stratum.
 *
 * A family's cells are found by their local key `level|system|area|stratum|value` (after
 * the model's own grouping of municipalities into atoms and sectors into groups: every family
 * of a year is grouped the same way, so the keys line up). An equation is written only where
 * every cell it needs is in the model; a cell left out is one the attacker lacks as well.
 */
import type { SdcCell, SdcRelation } from "../disclosure/index.ts";
import { BREAKDOWN_VALUES, type Breakdown, type ColumnSum, type Restriction } from "./family-links.ts";

/** One family's cells in a problem: local key → { id, value }. */
export type FamilyIndex = ReadonlyMap<string, { id: string; value: number }>;

export interface LinkedFamilies {
  /** Restrictions and sums, with families in place of columns. */
  restrictions: readonly Restriction[];
  sums: readonly ColumnSum[];
}

const areasOf = (index: FamilyIndex) => new Set([...index.keys()].map((k) => k.split("|").slice(0, 3).join("|")));

/**
 * Equations (and the latent cells they need) between the families present. `prefix` names
 * the latent cells (unique per year).
 */
export function familyRelations(links: LinkedFamilies, families: ReadonlyMap<string, FamilyIndex>, prefix: string): { cells: SdcCell[]; relations: SdcRelation[] } {
  const cells: SdcCell[] = [];
  const relations: SdcRelation[] = [];
  const latent = (id: string, value: number) => {
    if (value < 0) throw new Error(`disclosure model: ${id} would hold ${value} persons (a link found in the data does not hold in the cells)`);
    cells.push({ id, value, publishable: false });
    return id;
  };

  // Restrictions of one family on one breakdown, grouped: their parts are disjoint.
  const partitions = new Map<string, Restriction[]>();
  for (const r of links.restrictions) {
    if (!families.has(r.part) || !families.has(r.whole)) continue;
    const key = `${r.whole}\u0000${r.breakdown}`;
    partitions.set(key, [...(partitions.get(key) ?? []), r]);
  }
  for (const group of partitions.values()) {
    const { whole: wholeFamily, breakdown } = group[0]!;
    const W = families.get(wholeFamily)!;
    // Disjoint value sets only (nested restrictions are tied through their own equations).
    const used = new Set<string>();
    const parts = group.filter((r) => {
      if (r.values.some((v) => used.has(v))) return false;
      r.values.forEach((v) => used.add(v));
      return true;
    });
    const outside = BREAKDOWN_VALUES[breakdown].filter((v) => !used.has(v));
    for (const area of areasOf(W)) {
      const at = (index: FamilyIndex, stratum: string, value: string) => index.get(`${area}|${stratum}|${value}`);
      for (const r of group) {
        const G = families.get(r.part)!;
        const total = at(G, "total", "all");
        const whole = r.values.map((v) => at(W, breakdown, v));
        // part's total = Σ the whole's cells of those values; part's cells of that breakdown = the whole's.
        if (total && whole.every(Boolean)) relations.push({ total: total.id, parts: whole.map((c) => c!.id) });
        for (const v of r.values) {
          const g = at(G, breakdown, v);
          const w = at(W, breakdown, v);
          if (g && w) relations.push({ total: w.id, parts: [g.id] });
        }
      }
      // Other breakdowns: the whole's cell = Σ parts' cells + those outside every part (latent).
      for (const other of Object.keys(BREAKDOWN_VALUES) as Breakdown[]) {
        if (other === breakdown) continue;
        const restIds: string[] = [];
        let complete = true;
        for (const w of BREAKDOWN_VALUES[other]) {
          const whole = at(W, other, w);
          const pieces = parts.map((r) => at(families.get(r.part)!, other, w));
          if (!whole || !pieces.every(Boolean)) {
            complete = false;
            continue;
          }
          const sum = pieces.reduce((s, c) => s + c!.value, 0);
          const ids = pieces.map((c) => c!.id);
          if (outside.length > 0) {
            const rest = latent(`${prefix}|outside|${whole.id}|${breakdown}`, whole.value - sum);
            ids.push(rest);
            restIds.push(rest);
          } else if (whole.value !== sum) throw new Error(`disclosure model: ${whole.id} is ${whole.value}, its parts by ${breakdown} ${sum}`);
          relations.push({ total: whole.id, parts: ids });
        }
        // Σ over the other breakdown of what lies outside the parts = the whole's cells outside.
        const outsideCells = outside.map((v) => at(W, breakdown, v));
        if (complete && outside.length > 0 && restIds.length > 0 && outsideCells.every(Boolean)) {
          const value = outsideCells.reduce((s, c) => s + c!.value, 0);
          const id = latent(`${prefix}|outside|${area}|${wholeFamily}|${breakdown}|by-${other}`, value);
          relations.push({ total: id, parts: restIds }, { total: id, parts: outsideCells.map((c) => c!.id) });
        }
      }
    }
  }

  // Sums: Σ plus = Σ minus in every cell that every family has.
  for (const s of links.sums) {
    const members = [...s.plus, ...s.minus];
    if (!members.every((f) => families.has(f))) continue;
    const first = families.get(members[0]!)!;
    for (const key of first.keys()) {
      const plus = s.plus.map((f) => families.get(f)!.get(key));
      const minus = s.minus.map((f) => families.get(f)!.get(key));
      if (!plus.every(Boolean) || !minus.every(Boolean)) continue;
      const ids = (xs: typeof plus) => xs.map((c) => c!.id);
      if (plus.length === 1) relations.push({ total: plus[0]!.id, parts: ids(minus) });
      else if (minus.length === 1) relations.push({ total: minus[0]!.id, parts: ids(plus) });
      else {
        const id = latent(`${prefix}|sum|${key}|${s.plus.join("+")}`, plus.reduce((t, c) => t + c!.value, 0));
        relations.push({ total: id, parts: ids(plus) }, { total: id, parts: ids(minus) });
      }
    }
  }
  return { cells, relations };
}
