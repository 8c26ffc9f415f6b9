/**
 * The independent attacker: from the public tables alone, discover how published series are
 * linked, model every hidden count over unknown atoms, and compute each one's feasible
 * interval with linear programming. A leak is a hidden count narrower than the protection width
 * whose interval holds a small count (1 to minCount − 1): an interval such as [0, 0] or
 * [31, 33] shows the count is zero or not small, which the publication rule allows anyway.
 */
import { buildAtoms } from "./atoms.ts";
import { solveComponent } from "./bounds.ts";
import { splitComponents } from "./components.ts";
import { discoverEqualities, discoverPairSums, discoverStrata } from "./discover.ts";
import { periodRelations, periodsAsCells, populationFacts } from "./periods.ts";
import { ADDITIVE, buildSeries } from "./series.ts";
import { presolve } from "./presolve.ts";
import { loadSolver } from "./solver.ts";
import { buildSystem } from "./system.ts";
import { cellKey, type AttackReport, type Discovered, type Leak, type PublicRelease } from "./types.ts";

export interface AttackOptions {
  /**
   * Public reasons that tell a cell holds a small count. Default: `small-count` (the old
   * public reason). Pass [] for an attacker who does not know which cells were primary.
   */
  primaryReasons?: readonly string[];
  /** Published cells with non-zero values a relation must hold on before it is believed. */
  minSupport?: number;
  /** Called after each component is solved (a long attack can say how far it is). */
  progress?: (p: { components: number; done: number; targets: number; solves: number }) => void;
}

export async function attack(published: PublicRelease, options: AttackOptions = {}): Promise<AttackReport> {
  const started = performance.now();
  // Sub-annual periods join as a breakdown of their year's total (periods.ts).
  const periods = published.periodCells ?? [];
  const release: PublicRelease = { ...published, cells: [...published.cells, ...periodsAsCells(periods)] };
  const width = release.protectionWidth ?? 5;
  const minCount = release.minCount ?? 5;
  const minSupport = options.minSupport ?? 5;
  const statistic = new Map(release.indicators.map((i) => [i.id, i.statistic]));
  const series = buildSeries(release);
  const all = [...series.values()].sort((a, b) => (a.key < b.key ? -1 : 1));

  // Equal series share their unknowns: union-find over series keys.
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.has(r)) r = parent.get(r)!;
    return r;
  };
  const equalities = discoverEqualities(all, minSupport);
  for (const e of equalities) {
    const [a, b] = e.series.map(find);
    if (a !== b) parent.set(b!, a!);
  }
  const classIds = new Map<string, number>();
  const classOf = (k: string) => {
    const r = find(k);
    let id = classIds.get(r);
    if (id === undefined) classIds.set(r, (id = classIds.size));
    return id;
  };
  // Sums within one indicator's own breakdowns are its strata, found below.
  const sameFamily = (r: Discovered) => new Set(r.series.map((k) => k.split("|").slice(0, 2).join("|"))).size === 1;
  const sums = discoverPairSums(all, classOf, minSupport).filter((r) => !sameFamily(r));
  const strata = discoverStrata(series);
  // What the documentation says of periods holds whether or not the published cells show it.
  const stated = periodRelations(periods).filter((r) => r.series.every((k) => series.has(k)));
  const statedKeys = new Set(stated.map((r) => r.series.join(",")));
  const relations = [...equalities, ...sums, ...strata.filter((r) => !statedKeys.has(r.series.join(","))), ...stated];

  const usedAreas = new Set(release.cells.filter((c) => ADDITIVE.has(statistic.get(c.indicatorId) ?? "")).map((c) => cellKey(c.level, c.systemCode, c.areaCode)));
  const atoms = buildAtoms(release.areas, release.zoneMembers, usedAreas);
  const built = buildSystem({
    cells: release.cells,
    statistic,
    series,
    relations,
    classOf,
    atoms,
    primaryReasons: new Set(options.primaryReasons ?? ["small-count"]),
    facts: populationFacts(periods),
  });
  const system = presolve(built);
  // Counts fixed by presolve alone. A known-small cell with one of them in [1, minCount − 1]
  // says nothing more; fixed counts outside it drop out of the cell's candidates.
  const fixedValue = (t: number) => {
    const x = system.targets[t]!;
    return x.idx.length === 0 ? (x.counted ? Math.round(x.offset ?? 0) : (x.offset ?? 0)) : null;
  };
  system.smallFacts = system.smallFacts
    .filter(
      (fact) =>
        !fact.some((t) => {
          const v = fixedValue(t);
          return v !== null && v >= 1 && v <= minCount - 1;
        }),
    )
    .map((fact) => fact.filter((t) => fixedValue(t) === null))
    .filter((fact) => fact.length > 0);
  const components = splitComponents(system);
  const where = new Map<number, [number, number]>();
  components.forEach((c, ci) => c.targetIds.forEach((t, k) => where.set(t, [ci, k])));
  const factsOf = components.map(() => [] as number[][]);
  for (const fact of system.smallFacts) {
    const [ci] = where.get(fact[0]!) ?? [];
    if (ci === undefined) continue;
    factsOf[ci]!.push(fact.map((t) => where.get(t)![1]));
  }

  const highs = await loadSolver();
  const leaks: Leak[] = [];
  let narrowest: number | null = null;
  let solves = 0;
  let inconsistent = 0;
  const report = (targetId: number, min: number, max: number) => {
    const t = system.targets[targetId]!;
    if (!t.counted) return;
    const w = max - min;
    // Nothing small inside: the attacker learns the count is 0 or ≥ minCount, both publishable.
    if (max < 1 - 1e-6 || min > minCount - 1 + 1e-6) return;
    if (narrowest === null || w < narrowest) narrowest = w;
    if (w >= width - 1e-6) return;
    for (const cell of t.cells) {
      const x = release.cells[cell]!;
      leaks.push({
        indicatorId: x.indicatorId,
        year: x.year,
        level: x.level,
        systemCode: x.systemCode,
        areaCode: x.areaCode,
        stratum: x.stratum,
        stratumValue: x.stratumValue,
        kind: t.kind,
        min,
        max,
      });
    }
  };
  system.targets.forEach((_, id) => {
    const v = fixedValue(id);
    if (v !== null) report(id, v, v);
  });
  components.forEach((c, ci) => {
    const r = solveComponent(highs, c, width, factsOf[ci]!, minCount);
    solves += r.solves;
    if (r.inconsistent) return void inconsistent++;
    c.targets.forEach((_, k) => report(c.targetIds[k]!, r.intervals[k]!.min, r.intervals[k]!.max));
    options.progress?.({ components: components.length, done: ci + 1, targets: c.targets.length, solves });
  });
  return {
    leaks,
    hiddenCounts: system.targets.reduce((s, t) => s + t.cells.length, 0),
    narrowestInterval: narrowest,
    protectionWidth: width,
    relations,
    components: components.length,
    lpSolves: solves,
    inconsistentComponents: inconsistent,
    seconds: (performance.now() - started) / 1000,
  };
}
