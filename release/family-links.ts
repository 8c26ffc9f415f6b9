/**
 * How the released counts of one year are linked, read from the data (signatures.ts), not from
 * the definitions' syntax. Each column is a set of persons (a definition's denominator or
 * numerator); three kinds of link hold for every person, hence in every area:
 *
 * - **equal**: two columns flag the same persons on every row (the same deaths counted by
 *   `premature-mortality` and `premature-mortality-crude`; a numerator reused as another
 *   definition's denominator). They become one family: one cell per area and stratum.
 * - **restriction**: a column is another restricted to some values of ONE breakdown
 *   (`-bim` = base ∧ BIM; deaths 0–74 = all deaths ∧ age bands up to 65–74). Its total is the
 *   sum of those stratum cells of the other, its cells of that breakdown equal the other's,
 *   and its other breakdowns are parts of the other's (disclosure/family-relations.ts).
 * - **sum**: a linear identity between columns with coefficients ±1 (all deaths = deaths 0–74
 *   + deaths 75+), from the null space of the signature matrix, checked exactly on every row.
 *
 * Pure: no I/O. Rows are signatures, not persons, so the work follows the number of distinct
 * combinations (thousands), not the population.
 */
import { inverse, mul, P } from "../disclosure/modular.ts";
import type { Signatures } from "../indicators/compute/signatures.ts";

export type Breakdown = "sex" | "age-band" | "bim";
export const BREAKDOWN_VALUES: Record<Breakdown, readonly string[]> = {
  sex: ["F", "M"],
  "age-band": ["0-17", "18-44", "45-64", "65-74", "75+"],
  bim: ["bim", "non-bim", "unknown"],
};

export interface Restriction {
  /** part = whole ∧ (breakdown ∈ values). */
  part: string;
  whole: string;
  breakdown: Breakdown;
  values: string[];
}

/** Σ plus = Σ minus, person by person. */
export interface ColumnSum {
  plus: string[];
  minus: string[];
}

export interface FamilyLinks {
  year: number;
  /** Every column → the first column of its class of equal columns (itself when alone or empty). */
  classOf: Map<string, string>;
  restrictions: Restriction[];
  sums: ColumnSum[];
}

const BREAKDOWNS: Breakdown[] = ["sex", "bim", "age-band"];
const valueOf = (row: Signatures["rows"][number], b: Breakdown) => (b === "sex" ? row.sex : b === "bim" ? row.bim : row.ageBand);

export function familyLinks(s: Signatures): FamilyLinks {
  const n = s.columns.length;
  const rows = s.rows.filter((r) => r.persons > 0);
  // Equal columns: the same set of rows.
  const keyOf = s.columns.map((_, j) => rows.flatMap((r, i) => (r.flags[j] ? [i] : [])).join(","));
  const classOf = new Map<string, string>();
  const first = new Map<string, string>();
  const representatives: number[] = [];
  s.columns.forEach((c, j) => {
    const key = keyOf[j]!;
    if (key === "") return void classOf.set(c, c); // empty: no link to anything
    const rep = first.get(key);
    if (rep === undefined) {
      first.set(key, c);
      representatives.push(j);
    }
    classOf.set(c, rep ?? c);
  });

  // Row counts per demographic cell (sex × band × BIM), per column.
  const cellOf = rows.map((r) => `${r.sex}|${r.ageBand}|${r.bim}`);
  const cells = [...new Set(cellOf)];
  const cellIndex = new Map(cells.map((c, i) => [c, i]));
  const counts = Array.from({ length: n }, () => new Float64Array(cells.length));
  rows.forEach((r, i) => {
    const k = cellIndex.get(cellOf[i]!)!;
    for (let j = 0; j < n; j++) if (r.flags[j]) counts[j]![k]! += 1;
  });
  const cellRow = cells.map((c) => rows[cellOf.indexOf(c)]!);
  const subset = (g: number, f: number) => rows.every((r) => !r.flags[g] || r.flags[f]);

  const restrictions: Restriction[] = [];
  for (const g of representatives) {
    for (const f of representatives) {
      if (f === g || !subset(g, f)) continue;
      // Each cell where f has persons is wholly in g (IN) or wholly out of it (OUT).
      const inCells: number[] = [];
      const outCells: number[] = [];
      let mixed = false;
      for (let k = 0; k < cells.length && !mixed; k++) {
        const cf = counts[f]![k]!;
        const cg = counts[g]![k]!;
        if (cf === 0) continue;
        if (cg === cf) inCells.push(k);
        else if (cg === 0) outCells.push(k);
        else mixed = true;
      }
      if (mixed || inCells.length === 0 || outCells.length === 0) continue;
      for (const b of BREAKDOWNS) {
        const inside = new Set(inCells.map((k) => valueOf(cellRow[k]!, b)));
        if (outCells.some((k) => inside.has(valueOf(cellRow[k]!, b)))) continue;
        // Every breakdown that describes it: on small data, one set may be both "BIM" and "women".
        restrictions.push({ part: s.columns[g]!, whole: s.columns[f]!, breakdown: b, values: BREAKDOWN_VALUES[b].filter((v) => inside.has(v)) });
      }
    }
  }
  return { year: s.year, classOf, restrictions, sums: columnSums(s, rows, representatives) };
}

/**
 * Linear identities between the representative columns: the null space of the distinct flag
 * patterns, by elimination modulo 2³¹ − 1, kept when every coefficient is ±1 and the identity
 * holds exactly on every row (a modular coincidence cannot pass that check).
 */
function columnSums(s: Signatures, rows: Signatures["rows"], columns: number[]): ColumnSum[] {
  // Larger sets first: they become pivots, and each smaller set is written over them.
  const size = (j: number) => rows.reduce((t, r) => t + (r.flags[j] ? r.persons : 0), 0);
  const order = [...columns].sort((a, b) => size(b) - size(a) || a - b);
  const patterns = [...new Set(rows.map((r) => order.map((j) => r.flags[j]).join("")))].map((p) => Array.from(p, Number));
  const m = patterns.map((p) => [...p]);
  const pivotCols: number[] = [];
  let row = 0;
  for (let c = 0; c < order.length && row < m.length; c++) {
    const at = m.findIndex((r, i) => i >= row && r[c] !== 0);
    if (at < 0) continue;
    [m[row], m[at]] = [m[at]!, m[row]!];
    const inv = inverse(m[row]![c]!);
    m[row] = m[row]!.map((x) => mul(x, inv));
    for (let i = 0; i < m.length; i++) {
      if (i === row || m[i]![c] === 0) continue;
      const factor = m[i]![c]!;
      m[i] = m[i]!.map((x, k) => {
        const v = (x - mul(factor, m[row]![k]!)) % P;
        return v < 0 ? v + P : v;
      });
    }
    pivotCols.push(c);
    row++;
  }
  const isPivot = new Set(pivotCols);
  const sums: ColumnSum[] = [];
  for (let free = 0; free < order.length; free++) {
    if (isPivot.has(free)) continue;
    // col_free = Σ_k m[k][free] · col_pivot(k)
    const plus: number[] = [];
    const minus: number[] = [free];
    let ok = true;
    pivotCols.forEach((pc, k) => {
      const x = m[k]![free]!;
      if (x === 0) return;
      if (x === 1) plus.push(pc);
      else if (x === P - 1) minus.push(pc);
      else ok = false;
    });
    if (!ok || plus.length === 0) continue;
    const holds = patterns.every((p) => plus.reduce((t, c) => t + p[c]!, 0) === minus.reduce((t, c) => t + p[c]!, 0));
    if (holds) sums.push({ plus: plus.map((c) => s.columns[order[c]!]!), minus: minus.map((c) => s.columns[order[c]!]!) });
  }
  return sums;
}
