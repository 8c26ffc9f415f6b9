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
import { disjointBands } from "./age-band-relations.ts";
import { parseBandLabel } from "../indicators/definition/age-bands.ts";

/** One family's cells in a problem: local key → { id, value }. */
export type FamilyIndex = ReadonlyMap<string, { id: string; value: number }>;

export interface LinkedFamilies {
  /** Restrictions and sums, with families in place of columns. */
  restrictions: readonly Restriction[];
  sums: readonly ColumnSum[];
}

const areasOf = (index: FamilyIndex) => new Set([...index.keys()].map((k) => k.split("|").slice(0, 3).join("|")));

/**
 * Age bands: the links are read on the default bands (signatures.ts), but a family may hold a
 * definition's own bands (indicators/definition/age-bands.ts). A label names its ages, so a
 * band of the part inside the restriction's ages is the whole's band of the same label.
 */
const bandLabelsOf = (index: FamilyIndex) => new Set([...index.keys()].flatMap((k) => (k.split("|")[3] === "age-band" ? [k.split("|")[4]!] : [])));
const interval = (label: string) => parseBandLabel(label) ?? { from: NaN, to: NaN };
/** The ages of some band labels, as runs [from, to] (to Infinity when open). */
function runsOf(labels: readonly string[]): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  for (const b of labels.map(interval).sort((x, y) => x.from - y.from)) {
    const last = runs.at(-1);
    if (last && b.from <= last.to + 1) last.to = Math.max(last.to, b.to);
    else runs.push({ ...b });
  }
  return runs;
}
const within = (label: string, runs: readonly { from: number; to: number }[]) => {
  const b = interval(label);
  return runs.some((r) => r.from <= b.from && b.to <= r.to);
};
/** Bands among `labels` that tile the runs exactly (youngest first), or undefined. */
function tiling(runs: readonly { from: number; to: number }[], labels: readonly string[]): string[] | undefined {
  const out: string[] = [];
  for (const r of runs) {
    const fill = (at: number): string[] | undefined => {
      if (at > r.to || !Number.isFinite(at)) return [];
      for (const l of labels.filter((l) => interval(l).from === at && interval(l).to <= r.to)) {
        const rest = fill(interval(l).to + 1);
        if (rest) return [l, ...rest];
      }
      return undefined;
    };
    const run = fill(r.from);
    if (!run) return undefined;
    out.push(...run);
  }
  return out;
}

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
    const wholeBands = [...bandLabelsOf(W)];
    // Per restriction, once (not per area): which bands tie its total and its cells to the whole's.
    const byAge = new Map(
      group.map((r) => {
        if (breakdown !== "age-band") return [r, { wholeValues: r.values, same: r.values }];
        const runs = runsOf(r.values);
        const ownBands = !r.values.every((v) => wholeBands.includes(v));
        const wholeValues = ownBands ? (tiling(runs, wholeBands) ?? r.values) : r.values;
        const same = [...new Set([...r.values, ...[...bandLabelsOf(families.get(r.part)!)].filter((l) => within(l, runs))])];
        return [r, { wholeValues, same }];
      }),
    );
    const otherBands = wholeBands.length > 0 ? wholeBands : BREAKDOWN_VALUES["age-band"];
    const otherBandsDisjoint = disjointBands(otherBands);
    for (const area of areasOf(W)) {
      const at = (index: FamilyIndex, stratum: string, value: string) => index.get(`${area}|${stratum}|${value}`);
      for (const r of group) {
        const G = families.get(r.part)!;
        const total = at(G, "total", "all");
        // By age, the whole's own bands may differ from the default ones the link is read on.
        const { wholeValues, same } = byAge.get(r)!;
        const whole = wholeValues.map((v) => at(W, breakdown, v));
        // part's total = Σ the whole's cells of those values; part's cells of that breakdown = the whole's.
        if (total && whole.every(Boolean)) relations.push({ total: total.id, parts: whole.map((c) => c!.id) });
        for (const v of same) {
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
        // By age: every band the whole has (its own, or several sets); the rests add up only over one set of bands.
        const values = other === "age-band" ? otherBands : BREAKDOWN_VALUES[other];
        if (other === "age-band" && !otherBandsDisjoint) complete = false;
        for (const w of values) {
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
        const id = latent(
          `${prefix}|sum|${key}|${s.plus.join("+")}`,
          plus.reduce((t, c) => t + c!.value, 0),
        );
        relations.push({ total: id, parts: ids(plus) }, { total: id, parts: ids(minus) });
      }
    }
  }
  return { cells, relations };
}
