/**
 * Relations the attacker finds by itself among published series, from published values only:
 * - equal: two series agree on every cell both publish (the same persons counted by two
 *   definitions; one indicator's numerator reused as another's denominator);
 * - sum: a series equals the sum of two others on every cell all three publish (all-cause
 *   deaths = deaths 0–74 + deaths 75+; a stratum of the -bim indicator plus the same stratum of
 *   the -non-bim one = the base indicator's stratum);
 * - strata: a breakdown (sex, age band, BIM) adds up to the total, unless a published cell
 *   contradicts it.
 * A relation needs `support` cells where it holds with non-zero values and no cell against it:
 * the attacker accepts it as a person-level identity, so it holds for every area and atom.
 */
import type { Discovered } from "./types.ts";
import type { Series } from "./series.ts";

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** The published position with the largest value: where a partner must agree first. */
function anchor(s: Series): [string, number] | undefined {
  let best: [string, number] | undefined;
  for (const [p, v] of s.values) if (v !== null && v > 0 && (!best || v > best[1])) best = [p, v];
  return best;
}

/** Cells where every series of the relation is published and `holds` is checked; null if one fails. */
function support(series: readonly Series[], holds: (values: number[]) => boolean): number | null {
  let count = 0;
  const [first, ...rest] = series;
  for (const [p, v] of first!.values) {
    if (v === null) continue;
    const others = rest.map((s) => s.values.get(p));
    if (others.some((o) => o === null || o === undefined)) continue;
    const values = [v, ...(others as number[])];
    if (!holds(values)) return null;
    if (values.some((x) => x !== 0)) count++;
  }
  return count;
}

export function discoverEqualities(all: readonly Series[], minSupport: number): Discovered[] {
  const found: Discovered[] = [];
  for (const s of all) {
    const a = anchor(s);
    if (!a) continue;
    for (const t of all) {
      if (t.key <= s.key || t.values.get(a[0]) !== a[1]) continue;
      const n = support([s, t], ([x, y]) => close(x!, y!));
      if (n !== null && n >= minSupport) found.push({ kind: "equal", series: [s.key, t.key], checkedCells: n });
    }
  }
  return found;
}

/**
 * Sums of two series. `classOf` maps a series to its equality class: series equal to the total
 * or already known as the same pair are skipped.
 */
export function discoverPairSums(all: readonly Series[], classOf: (key: string) => number, minSupport: number): Discovered[] {
  const found: Discovered[] = [];
  const seen = new Set<string>();
  for (const s of all) {
    const a = anchor(s);
    if (!a) continue;
    const [position, total] = a;
    const byValue = new Map<number, Series[]>();
    for (const t of all) {
      const v = t.values.get(position);
      if (v === null || v === undefined || v <= 0 || v >= total || classOf(t.key) === classOf(s.key)) continue;
      (byValue.get(v) ?? byValue.set(v, []).get(v)!).push(t);
    }
    for (const [v, firsts] of byValue) {
      if (v > total / 2) continue;
      for (const t1 of firsts) {
        for (const t2 of byValue.get(total - v) ?? []) {
          if (t2 === t1 || (v === total - v && t2.key < t1.key)) continue;
          const classes = [classOf(s.key), ...[classOf(t1.key), classOf(t2.key)].sort((x, y) => x - y)];
          const id = classes.join(",");
          if (seen.has(id)) continue;
          const n = support([s, t1, t2], ([x, y, z]) => close(x!, y! + z!));
          if (n === null || n < minSupport) continue;
          seen.add(id);
          found.push({ kind: "sum", series: [s.key, t1.key, t2.key], checkedCells: n });
        }
      }
    }
  }
  return found;
}

/** Breakdowns of each indicator's numerator and denominator that add up to the total. */
export function discoverStrata(bySeries: ReadonlyMap<string, Series>): Discovered[] {
  const families = new Map<string, { total: Series; members: Series[] }>();
  for (const s of bySeries.values()) {
    if (s.stratum === "total") continue;
    const total = bySeries.get(`${s.indicatorId}|${s.quantity}|total|all`);
    if (!total) continue;
    const id = `${s.indicatorId}|${s.quantity}|${s.stratum}`;
    (families.get(id) ?? families.set(id, { total, members: [] }).get(id)!).members.push(s);
  }
  const found: Discovered[] = [];
  for (const { total, members } of families.values()) {
    const n = support([total, ...members], ([t, ...m]) =>
      close(
        t!,
        m.reduce((x, y) => x + y, 0),
      ),
    );
    if (n === null) continue; // contradicted: this breakdown does not add up (e.g. a stratum left out)
    found.push({ kind: "strata", series: [total.key, ...members.map((m) => m.key)], checkedCells: n });
  }
  return found;
}
