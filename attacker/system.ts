/**
 * The attacker's linear system: unknowns are counts per (equality class of series, year, atom),
 * all ≥ 0. Rows: every published cell (a sum of atoms equals its value), every discovered
 * relation atom by atom (strata, sums), and numerator ≤ denominator for proportions. Targets:
 * every hidden count (numerator, denominator, and den − num for proportions) as an expression.
 */
import type { Atoms } from "./atoms.ts";
import type { Row, Expression } from "./solver.ts";
import { splitPosition, type Series } from "./series.ts";
import type { CountKind, Discovered, PublicCell } from "./types.ts";
import type { Fact } from "./periods.ts";

export interface Target extends Expression {
  /** The hidden cells (indices into the release's cells) whose count this expression is. */
  cells: number[];
  kind: CountKind;
  /** Only whole-number counts are reported (sums of euros or person-years are not counts). */
  counted: boolean;
  /** Constant part, once unknowns are fixed by presolve (0 before). */
  offset?: number;
}

export interface AttackSystem {
  numVars: number;
  rows: Row[];
  targets: Target[];
  /** Hidden cells the public knows to be primary: one of their targets is in [1, minCount − 1]. */
  smallFacts: number[][];
}

export interface BuildInput {
  cells: readonly PublicCell[];
  statistic: ReadonlyMap<string, string>;
  series: ReadonlyMap<string, Series>;
  relations: readonly Discovered[];
  classOf: (key: string) => number;
  atoms: Atoms;
  /** Public reasons that mean "this cell holds a small count" (e.g. `small-count`). */
  primaryReasons: ReadonlySet<string>;
  /** Counts learnt outright, hidden or not (a year's population from a period's person-years: periods.ts). */
  facts?: readonly Fact[];
}

export function buildSystem(input: BuildInput): AttackSystem {
  const { series, classOf, atoms } = input;
  const vars = new Map<string, number>();
  const variable = (cls: number, year: number, atom: number) => {
    const k = `${cls}|${year}|${atom}`;
    let v = vars.get(k);
    if (v === undefined) vars.set(k, (v = vars.size));
    return v;
  };
  const atomsOf = (area: string) => atoms.ofArea.get(area) ?? [];
  // Atoms each series covers in each year: where its relations must hold.
  const universe = new Map<string, Set<number>>();
  const cover = (s: Series, year: number) => {
    const k = `${s.key}|${year}`;
    let u = universe.get(k);
    if (!u) {
      u = new Set();
      for (const p of s.values.keys()) {
        const { year: y, area } = splitPosition(p);
        if (y === year) for (const a of atomsOf(area)) u.add(a);
      }
      universe.set(k, u);
    }
    return u;
  };
  const yearsOf = (s: Series) => new Set([...s.values.keys()].map((p) => splitPosition(p).year));

  const rows: Row[] = [];
  const seenRows = new Set<string>();
  for (const s of series.values()) {
    const cls = classOf(s.key);
    for (const [p, v] of s.values) {
      if (v === null) continue;
      const id = `${cls}|${p}`;
      if (seenRows.has(id)) continue;
      seenRows.add(id);
      const { year, area } = splitPosition(p);
      const idx = atomsOf(area).map((a) => variable(cls, year, a));
      if (idx.length > 0) rows.push({ idx, val: idx.map(() => 1), lo: v, hi: v });
    }
  }
  for (const f of input.facts ?? []) {
    const s = series.get(f.series);
    if (!s) continue;
    const { year, area } = splitPosition(f.position);
    const idx = atomsOf(area).map((a) => variable(classOf(s.key), year, a));
    if (idx.length > 0) rows.push({ idx, val: idx.map(() => 1), lo: f.value, hi: f.value });
  }
  // total − Σ parts = 0 on every atom (strata and discovered sums alike).
  for (const r of input.relations) {
    if (r.kind === "equal") continue;
    const [total, ...parts] = r.series.map((k) => series.get(k)!);
    const ct = classOf(total!.key);
    const cp = parts.map((p) => classOf(p.key));
    if (cp.includes(ct)) continue;
    for (const year of yearsOf(total!)) {
      const u = new Set(cover(total!, year));
      for (const p of parts) for (const a of cover(p, year)) u.add(a);
      for (const a of u) {
        // Parts of one class (equal series) share an unknown: one coefficient per unknown.
        const coef = new Map<number, number>([[variable(ct, year, a), 1]]);
        for (const c of cp) coef.set(variable(c, year, a), (coef.get(variable(c, year, a)) ?? 0) - 1);
        rows.push({ idx: [...coef.keys()], val: [...coef.values()], lo: 0, hi: 0 });
      }
    }
  }
  // A proportion's numerator is a subset of its denominator.
  for (const n of series.values()) {
    if (n.quantity !== "n" || input.statistic.get(n.indicatorId) !== "proportion") continue;
    const d = series.get(`${n.indicatorId}|d|${n.stratum}|${n.stratumValue}`);
    if (!d || classOf(d.key) === classOf(n.key)) continue;
    for (const year of yearsOf(n)) for (const a of cover(n, year)) rows.push({ idx: [variable(classOf(n.key), year, a), variable(classOf(d.key), year, a)], val: [1, -1], lo: -Infinity, hi: 0 });
  }

  // Targets, one per distinct expression; each hidden cell lists its own.
  const targets: Target[] = [];
  const byId = new Map<string, number>();
  const target = (id: string, make: () => Omit<Target, "cells">, cell: number) => {
    let t = byId.get(id);
    if (t === undefined) {
      byId.set(id, (t = targets.length));
      targets.push({ ...make(), cells: [] });
    }
    targets[t]!.cells.push(cell);
    return t;
  };
  const cellIndex = new Map<string, number>();
  input.cells.forEach((c, i) => cellIndex.set(`${c.indicatorId}|${c.stratum}|${c.stratumValue}|${c.year}|${c.level}|${c.systemCode ?? ""}|${c.areaCode}`, i));
  const smallFacts: number[][] = [];
  for (const n of series.values()) {
    if (n.quantity !== "n") continue;
    const d = series.get(`${n.indicatorId}|d|${n.stratum}|${n.stratumValue}`);
    for (const [p, v] of n.values) {
      if (v !== null) continue;
      const { year, area } = splitPosition(p);
      const cell = cellIndex.get(`${n.indicatorId}|${n.stratum}|${n.stratumValue}|${p}`)!;
      const expr = (s: Series) => {
        const idx = atomsOf(area).map((a) => variable(classOf(s.key), year, a));
        return { idx, val: idx.map(() => 1) };
      };
      const mine: number[] = [];
      mine.push(target(`${classOf(n.key)}|${p}`, () => ({ ...expr(n), kind: "numerator", counted: n.integer }), cell));
      if (d && d.values.get(p) === null) {
        mine.push(target(`${classOf(d.key)}|${p}`, () => ({ ...expr(d), kind: "denominator", counted: d.integer }), cell));
        if (input.statistic.get(n.indicatorId) === "proportion" && classOf(d.key) !== classOf(n.key)) {
          mine.push(
            target(
              `${classOf(d.key)}-${classOf(n.key)}|${p}`,
              () => {
                const a = expr(d);
                const b = expr(n);
                return { idx: [...a.idx, ...b.idx], val: [...a.val, ...b.val.map(() => -1)], kind: "den-num", counted: d.integer && n.integer };
              },
              cell,
            ),
          );
        }
      }
      const reason = input.cells[cell]!.hidden;
      if (reason !== null && input.primaryReasons.has(reason)) smallFacts.push(mine);
    }
  }
  return { numVars: vars.size, rows, targets, smallFacts };
}
