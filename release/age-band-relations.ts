/**
 * How the age-band cells of one area of one count table add up, when the definitions counting
 * into the table use different bands (indicators/definition/age-bands.ts): a definition with
 * 0–17 … 75+ and another with 0–11, 12–17, 18–64, 65+ that count the same persons share one
 * table, whose age-band cells are then the union of both sets of bands.
 *
 * A band's label says which ages it holds (`65-74`, `85+`), so the attacker knows every
 * identity between them. The exact model: cut the ages at every band's bounds; each piece (an
 * "atom" of ages) is a cell, latent unless a published band is exactly that piece; each band is
 * the sum of its pieces and the total the sum of all. With one set of bands (or sets that
 * never overlap) this is the usual "total = Σ bands".
 *
 * A piece's value is known from the data: with F(a) the persons younger than a, every set of
 * bands gives F at its bounds (0 at its first band's start: bands cover the population, so no one
 * is younger), and a piece [a, b) holds F(b) − F(a). A band absent from the area is empty (as
 * everywhere in the model): its pieces are 0 and left out, as the absent band is.
 */
import type { SdcCell, SdcRelation } from "../disclosure/index.ts";
import { parseBandLabel } from "../indicators/definition/age-bands.ts";

type Interval = { label: string; from: number; to: number };

const intervalsOf = (labels: readonly string[]): Interval[] =>
  labels.map((label) => {
    const parsed = parseBandLabel(label);
    if (!parsed) throw new Error(`disclosure model: \`${label}\` is not an age band`);
    return { label, ...parsed };
  });

/** Whether the bands never overlap (one partition: the total is their sum). */
export function disjointBands(labels: readonly string[]): boolean {
  const sorted = intervalsOf([...new Set(labels)]).sort((a, b) => a.from - b.from);
  return sorted.every((b, i) => i === 0 || b.from > sorted[i - 1]!.to);
}

/**
 * The relations of one area. `systems`: each definition's list of band labels, youngest first;
 * `cell(label)`: the area's cell of that band, when the model has it; `total`: the area's total
 * cell; `latentPrefix`: names the latent pieces of this area.
 */
export function ageBandRelations(
  systems: readonly (readonly string[])[],
  cell: (label: string) => { id: string; value: number } | undefined,
  total: string | undefined,
  latentPrefix: string,
): { cells: SdcCell[]; relations: SdcRelation[] } {
  const labels = [...new Set(systems.flat())];
  const relations: SdcRelation[] = [];
  const cells: SdcCell[] = [];
  if (disjointBands(labels)) {
    const parts = labels
      .map(cell)
      .filter((c) => c !== undefined)
      .map((c) => c.id);
    if (total && parts.length > 0) relations.push({ total, parts });
    return { cells, relations };
  }
  // F at every bound, from each set of bands; they must agree where they share a bound.
  const below = new Map<number, number>();
  const set = (at: number, value: number) => {
    const seen = below.get(at);
    if (seen !== undefined && seen !== value)
      throw new Error(`disclosure model: ${latentPrefix}: two sets of age bands count ${seen} and ${value} persons ${Number.isFinite(at) ? `younger than ${at}` : "in all"}`);
    below.set(at, value);
  };
  for (const system of systems) {
    const bands = intervalsOf(system);
    let sum = 0;
    set(bands[0]!.from, 0);
    for (const b of bands) {
      sum += cell(b.label)?.value ?? 0;
      set(b.to + 1, sum);
    }
  }
  const bounds = [...below.keys()].sort((a, b) => a - b);
  const intervals = intervalsOf(labels);
  const missing = intervals.filter((b) => !cell(b.label));
  const pieces: { from: number; to: number; id: string }[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [from, next] = [bounds[k]!, bounds[k + 1]!];
    const to = next - 1;
    const value = below.get(next)! - below.get(from)!;
    if (value < 0) throw new Error(`disclosure model: ${latentPrefix}: ages ${from}–${to} would hold ${value} persons`);
    // Inside an absent (empty) band: 0, and left out like the band.
    if (missing.some((b) => b.from <= from && to <= b.to)) {
      if (value !== 0) throw new Error(`disclosure model: ${latentPrefix}: ages ${from}–${to} hold ${value} persons inside an empty band`);
      continue;
    }
    const exact = intervals.find((b) => b.from === from && b.to === to);
    const id = exact ? cell(exact.label)!.id : `${latentPrefix}|age-band-atom|${from}|${Number.isFinite(to) ? to : "open"}`;
    if (!exact) cells.push({ id, value, publishable: false });
    pieces.push({ from, to, id });
  }
  for (const b of intervals) {
    const own = cell(b.label);
    if (!own) continue;
    const parts = pieces.filter((p) => b.from <= p.from && p.to <= b.to).map((p) => p.id);
    if (parts.length === 1 && parts[0] === own.id) continue;
    if (parts.length > 0) relations.push({ total: own.id, parts });
  }
  if (total && pieces.length > 0) relations.push({ total, parts: pieces.map((p) => p.id) });
  return { cells, relations };
}
