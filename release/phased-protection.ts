/**
 * Protects a year's problems in two phases (populations, then numerators with the populations
 * they touch fixed) with no exception to the protection width.
 *
 * A numerator problem sees the populations' published cells as facts. When one of them caps a
 * small count (a proportion's published denominator of 5 leaves its hidden numerator at most
 * [1, 5]: width 4), no hiding inside the numerator problem can help. The cells that cap it,
 * the published population cells next to it in the equations, are then hidden in the first
 * phase (SdcProblem.hide), and both phases run again. A cap that nothing more can lift (a fact
 * of the previous release) fails the run: the release never excuses a narrow interval.
 */
import type { SdcCell, SdcProblem } from "../disclosure/index.ts";
import { protectInParallel, type ProtectOutcome } from "./protect-jobs.ts";
import type { YearProblem } from "./sdc-model.ts";
import type { SdcCellRow } from "./write-release.ts";

export class ProtectionError extends Error {
  override name = "ProtectionError";
}

export interface PhasedOptions {
  known: ReadonlyMap<string, number>;
  minCount: number;
  protectionWidth: number;
  threads?: number;
  log: (line: string) => void;
  /** Rounds of "hide what caps, run again" before failing. Default 4. */
  maxRounds?: number;
}

export interface PhasedResult {
  hidden: Map<string, "primary" | "complementary">;
  sdcCells: SdcCellRow[];
  sdcRelations: { problem: string; total: string; parts: string[] }[];
  lpSolves: number;
  narrowest: number | null;
  /** Population cells hidden so that numerators could reach the width. */
  pinned: number;
  rounds: number;
}

export async function protectInPhases(denominators: readonly YearProblem[], numerators: readonly YearProblem[], o: PhasedOptions): Promise<PhasedResult> {
  const pinned = new Map<string, Set<string>>();
  const phase1Of = new Map<string, string>();
  for (const p of denominators) for (const c of p.problem.cells) if (c.publishable) phase1Of.set(c.id, p.key);
  const withKnown = (c: SdcCell) => (c.publishable && o.known.get(c.id) === c.value ? { ...c, known: true } : c);
  let lpSolves = 0;
  for (let round = 1; ; round++) {
    const result: PhasedResult = { hidden: new Map(), sdcCells: [], sdcRelations: [], lpSolves: 0, narrowest: null, pinned: [...pinned.values()].reduce((n, s) => n + s.size, 0), rounds: round };
    let done = 0;
    const total = denominators.length + numerators.length;
    const run = (phase: readonly YearProblem[], prepare: (p: YearProblem) => SdcProblem) =>
      protectInParallel(phase.map((p) => ({ key: p.key, problem: prepare(p), options: { protectionWidth: o.protectionWidth, publishZeros: true, minCount: Math.max(o.minCount, p.minCount) } })), {
        threads: o.threads,
        onProgress: () => o.log(`disclosure: ${++done}/${total} problems protected${round > 1 ? ` (round ${round})` : ""}`),
      });
    // First phase: the populations, with the previous release's facts and the cells to hide.
    const first = await run(denominators, (p) => {
      const cells = p.problem.cells.map(withKnown);
      const facts = new Set(cells.filter((c) => c.known).map((c) => c.id));
      return { relations: p.problem.relations, cells, hide: [...(pinned.get(p.key) ?? [])].filter((id) => !facts.has(id)) };
    });
    record(result, first, denominators);
    const cappedFirst = first.flatMap((r) => r.unprotectable.map((id) => `${r.key}: ${id}`));
    if (cappedFirst.length > 0) throw new ProtectionError(`${cappedFirst.length} small count(s) cannot reach the protection width ${o.protectionWidth} because of facts already public: ${cappedFirst.slice(0, 5).join("; ")}`);
    // Second phase: each group of numerators, the populations as the first phase left them.
    const decided = (p: YearProblem) => (c: SdcCell) =>
      p.denominatorCells?.has(c.id) ? (result.hidden.has(c.id) ? { ...c, publishable: false } : c.publishable ? { ...c, known: true } : c) : withKnown(c);
    const second = await run(numerators, (p) => ({ relations: p.problem.relations, cells: p.problem.cells.map(decided(p)) }));
    record(result, second, numerators);
    lpSolves += result.lpSolves;
    const capped = second.flatMap((r, i) => r.unprotectable.map((id) => ({ problem: numerators[i]!, id })));
    if (capped.length === 0) return { ...result, lpSolves };

    let added = 0;
    for (const { problem, id } of capped) {
      for (const cell of cappingCells(problem, id, result.hidden)) {
        const key = phase1Of.get(cell);
        if (key === undefined) continue;
        const set = pinned.get(key) ?? pinned.set(key, new Set()).get(key)!;
        if (!set.has(cell)) {
          set.add(cell);
          added++;
        }
      }
    }
    const sample = capped.slice(0, 5).map((c) => c.id).join(", ");
    if (added === 0 || round >= (o.maxRounds ?? 4)) throw new ProtectionError(`${capped.length} small count(s) cannot reach the protection width ${o.protectionWidth}: ${sample}`);
    o.log(`round ${round}: ${capped.length} small count(s) capped by published population cells (${sample}); hiding ${added} of those and protecting again`);
  }
}

function record(result: PhasedResult, outcomes: readonly ProtectOutcome[], phase: readonly YearProblem[]): void {
  outcomes.forEach((r, i) => {
    const denominatorCells = phase[i]!.denominatorCells;
    for (const [id, kind] of r.hidden) if (!denominatorCells?.has(id)) result.hidden.set(id, kind);
    result.lpSolves += r.lpSolves;
    if (r.narrowest !== null && (result.narrowest === null || r.narrowest < result.narrowest)) result.narrowest = r.narrowest;
    // Every cell as this problem saw it (a population decided earlier is known or latent
    // here), so that each problem can be re-audited on its own.
    const primaries = new Set(r.hidden.filter(([, kind]) => kind === "primary").map(([id]) => id));
    for (const c of r.release.cells) {
      result.sdcCells.push({ problem: r.key, id: c.id, publishable: c.publishable, known: Boolean(c.known), value: c.value ?? null, is_primary: !denominatorCells?.has(c.id) && primaries.has(c.id) });
    }
    for (const rel of r.release.relations) result.sdcRelations.push({ problem: r.key, ...rel });
  });
}

/**
 * The published population cells next to a capped cell in the equations: sharing an equation
 * with it, or failing that, with an unpublished cell that shares one with it.
 */
function cappingCells(p: YearProblem, id: string, hidden: ReadonlyMap<string, unknown>): string[] {
  const fixed = p.denominatorCells ?? new Set<string>();
  const publishable = new Map(p.problem.cells.map((c) => [c.id, c.publishable]));
  // Zeros are always published (a hidden cell is known to be ≥ 1): never one to hide.
  const zero = new Set(p.problem.cells.filter((c) => c.value === 0).map((c) => c.id));
  const relationsOf = new Map<string, string[][]>();
  for (const r of p.problem.relations) {
    const members = [r.total, ...r.parts];
    for (const m of members) relationsOf.set(m, [...(relationsOf.get(m) ?? []), members]);
  }
  let frontier = new Set([id]);
  const seen = new Set([id]);
  for (let depth = 0; depth < 3 && frontier.size > 0; depth++) {
    const found = new Set<string>();
    const next = new Set<string>();
    for (const cell of frontier) {
      for (const members of relationsOf.get(cell) ?? []) {
        for (const x of members) {
          if (seen.has(x)) continue;
          seen.add(x);
          const published = publishable.get(x) === true && !hidden.has(x);
          if (published && fixed.has(x) && !zero.has(x)) found.add(x);
          else if (!published) next.add(x);
        }
      }
    }
    if (found.size > 0) return [...found];
    frontier = next;
  }
  return [];
}
